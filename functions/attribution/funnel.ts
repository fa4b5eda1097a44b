/**
 * The channel funnel editors look at: per channel, campaign or campaign link, for a date range,
 * how many visits, leads, members and won leads each brought, and the conversion between steps.
 *
 * What the numbers mean (the admin view states the same):
 * - The range is whole UTC days, `from` and `to` included (link clicks are counted per UTC day too).
 * - visits: visitors, each counted once per report.
 *   - first-touch credit: a visitor counts when their first touch ever falls in the range, under
 *     that touch's channel, campaign or link: the visitors each channel brought for the first time.
 *   - last-touch credit: every visitor with a touch in the range counts once, under their latest
 *     touch in the range (the one that brought them last, as a lead's last touch is the latest
 *     before the form).
 *   Counting each visitor once in both models keeps the rows adding up to the total and makes
 *   visit→lead a true share. A touch without a visitor id (an erased member's, anonymised) belongs
 *   to no visitor and is not counted: counting each as a visitor would turn one erased person into
 *   as many "new" visitors as they had touches.
 * - leads: leads created in the range, credited by their firstTouch or lastTouch; won: those of
 *   them whose status is now won (so lead→won is the share of the range's leads that were won).
 * - added on WeChat: people who added a 企业微信 staff member through a live code in the range
 *   (wechat-adds), under the touch that add recorded (channel wechat, the live code's campaign and
 *   link) in both models: the live code is where they came from for this step.
 * - members: members who signed up in the range, credited the same way by their own touches. A
 *   member need not have sent a form, so lead→member can exceed 100%.
 * - A group key is null when the touch had no campaign or link (or, for leads, no touch at all).
 */

/** Whose touch gets the credit for a visitor, lead or member. */
export const FUNNEL_MODELS = ['first', 'last'] as const
export type FunnelModel = (typeof FUNNEL_MODELS)[number]

/** What the rows are: one per channel, per UTM campaign or per campaign link code. */
export const FUNNEL_GROUPS = ['channel', 'campaign', 'link'] as const
export type FunnelGroup = (typeof FUNNEL_GROUPS)[number]

/** The steps, in funnel order. */
export const FUNNEL_STEPS = ['visits', 'leads', 'added', 'members', 'won'] as const
export type FunnelStep = (typeof FUNNEL_STEPS)[number]

/** The conversion rates between steps. */
export const FUNNEL_RATES = ['visitToLead', 'leadToAdded', 'leadToMember', 'leadToWon'] as const
export type FunnelRate = (typeof FUNNEL_RATES)[number]

/** What a table can be sorted by. */
export const FUNNEL_SORT_KEYS = ['name', 'clicks', ...FUNNEL_STEPS, ...FUNNEL_RATES] as const
export type FunnelSortKey = (typeof FUNNEL_SORT_KEYS)[number]

export interface FunnelSort {
  by: FunnelSortKey
  dir: 'asc' | 'desc'
}

/** Whole UTC days, both included, as YYYY-MM-DD. */
export interface FunnelRange {
  from: string
  to: string
}

/** Everything that chooses one report. */
export interface FunnelQuery {
  range: FunnelRange
  group: FunnelGroup
  model: FunnelModel
  sort: FunnelSort
}

/** How many of one step a group got; key null is "none" (no campaign, no link, no touch). */
export interface GroupCount {
  key: string | null
  count: number
}

/** The counts per group of each step, as the database aggregated them. */
export interface FunnelCounts {
  visits: GroupCount[]
  leads: GroupCount[]
  /** Added on WeChat (a 企业微信 live code's add); left out by a database without them, it is 0. */
  added?: GroupCount[]
  members: GroupCount[]
  won: GroupCount[]
  /** Clicks on campaign links (only meaningful when grouping by link). */
  clicks?: GroupCount[]
}

export type FunnelRow = { key: string | null; label: string; clicks: number | null } & Record<FunnelStep, number> &
  Record<FunnelRate, number | null>

export interface FunnelReport {
  query: FunnelQuery
  rows: FunnelRow[]
  total: FunnelRow
  /** Whether clicks were counted (grouping by link). */
  hasClicks: boolean
}

/**
 * A share as a number from 0, or null when there is nothing to divide by (never NaN or Infinity).
 * @example conversionRate(3, 12) // 0.25
 * @example conversionRate(3, 0) // null
 */
export function conversionRate(count: number, of: number): number | null {
  return of > 0 ? count / of : null
}

function checkedCount(value: number, step: string): number {
  if (!Number.isFinite(value) || value < 0 || !Number.isInteger(value))
    throw new RangeError(`A ${step} count must be a whole number of 0 or more.`)
  return value
}

function withRates(row: Omit<FunnelRow, FunnelRate>): FunnelRow {
  return {
    ...row,
    visitToLead: conversionRate(row.leads, row.visits),
    leadToAdded: conversionRate(row.added, row.leads),
    leadToMember: conversionRate(row.members, row.leads),
    leadToWon: conversionRate(row.won, row.leads),
  }
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

/**
 * Rows in the order asked; rates that cannot be computed (null) go last in either direction, and
 * ties keep a stable order by key, "none" last.
 * @example sortFunnelRows(rows, { by: 'leads', dir: 'desc' })
 */
export function sortFunnelRows(rows: FunnelRow[], sort: FunnelSort): FunnelRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    if (sort.by === 'name') return sign * a.label.localeCompare(b.label) || compareKeys(a.key, b.key)
    const x = a[sort.by]
    const y = b[sort.by]
    if (x !== y) {
      if (x === null) return 1
      if (y === null) return -1
      return sign * (x - y)
    }
    return compareKeys(a.key, b.key)
  })
}

/** How rows are named in the viewer's language: a group's key, and the total row. */
export interface FunnelNames {
  label?: (key: string | null) => string
  total?: string
}

/**
 * The report: one row per group that has any count, the total (rows add up to it, because each
 * visitor, lead and member is credited to exactly one group), rates and the order asked for.
 * @example buildFunnel({ visits: [{ key: 'wechat', count: 40 }], leads: [{ key: 'wechat', count: 4 }], members: [], won: [] },
 *   query).rows[0].visitToLead // 0.1
 */
export function buildFunnel(counts: FunnelCounts, query: FunnelQuery, names: FunnelNames = {}): FunnelReport {
  const label = names.label ?? ((key: string | null) => key ?? '(none)')
  const hasClicks = counts.clicks !== undefined
  const byKey = new Map<string | null, Omit<FunnelRow, FunnelRate>>()
  const rowOf = (key: string | null) => {
    let row = byKey.get(key)
    if (!row) {
      row = { key, label: label(key), clicks: hasClicks ? 0 : null, visits: 0, leads: 0, added: 0, members: 0, won: 0 }
      byKey.set(key, row)
    }
    return row
  }
  // Empty text and null are the same "none" group: a touch without a campaign may store either.
  const keyOf = (key: string | null) => (key === '' ? null : key)
  for (const step of FUNNEL_STEPS) for (const { key, count } of counts[step] ?? []) rowOf(keyOf(key))[step] += checkedCount(count, step)
  for (const { key, count } of counts.clicks ?? []) rowOf(keyOf(key)).clicks! += checkedCount(count, 'clicks')
  const rows = [...byKey.values()].filter((row) => FUNNEL_STEPS.some((step) => row[step] > 0) || (row.clicks ?? 0) > 0).map(withRates)
  const sum = (field: FunnelStep | 'clicks') => rows.reduce((n, row) => n + (row[field] ?? 0), 0)
  const total = withRates({
    key: null,
    label: names.total ?? 'Total',
    clicks: hasClicks ? sum('clicks') : null,
    visits: sum('visits'),
    leads: sum('leads'),
    added: sum('added'),
    members: sum('members'),
    won: sum('won'),
  })
  return { query, rows: sortFunnelRows(rows, query.sort), total, hasClicks }
}
