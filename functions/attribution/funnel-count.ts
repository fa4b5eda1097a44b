import type { FunnelGroup, FunnelModel, GroupCount } from './funnel'

/** A stored touch, as much of it as the funnel reads. */
export interface FunnelTouch {
  id: string | number
  visitor?: string | null
  at: string
  channel?: string | null
  campaign?: string | null
  campaignLink?: string | null
}

/** A lead or member, as much of it as the funnel reads; its touches are JSON as stored. */
export interface FunnelConversion {
  firstTouch?: unknown
  lastTouch?: unknown
  status?: string | null
}

const TOUCH_FIELD: Record<FunnelGroup, 'channel' | 'campaign' | 'campaignLink'> = {
  channel: 'channel',
  campaign: 'campaign',
  link: 'campaignLink',
}

/**
 * The group a touch belongs to: its channel, campaign or link code; null when it has none.
 * Anything but non-empty text (a hand-edited JSON value, a number) is none.
 * @example touchGroupKey({ channel: 'wechat', campaign: '' }, 'campaign') // null
 */
export function touchGroupKey(touch: unknown, group: FunnelGroup): string | null {
  let value: unknown = touch
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      // A touch stored as text that is not JSON has no group; the SQL counts treat it the same.
      return null
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const key = Object.hasOwn(value, TOUCH_FIELD[group]) ? (value as Record<string, unknown>)[TOUCH_FIELD[group]] : null
  return typeof key === 'string' && key !== '' ? key : null
}

function tally(keys: Iterable<string | null>): GroupCount[] {
  const counts = new Map<string | null, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return [...counts].map(([key, count]) => ({ key, count }))
}

const compareIds = (a: string | number, b: string | number) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0
const earlier = (a: FunnelTouch, b: FunnelTouch) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : compareIds(a.id, b.id))

/**
 * Visitors per group from the touches in the range (see funnel.ts for the definitions). Under
 * first-touch credit, `returning` holds the visitors with a touch before the range, who are not
 * new; the rest count under their earliest touch. Under last-touch credit each visitor counts under
 * their latest touch in the range. Touches without a visitor id are left out.
 * @example countVisits(touchesInRange, { model: 'first', group: 'channel', returning: new Set(['v-old']) })
 */
export function countVisits(
  touches: FunnelTouch[],
  options: { model: FunnelModel; group: FunnelGroup; returning?: ReadonlySet<string> },
): GroupCount[] {
  const credited = new Map<string, FunnelTouch>()
  for (const touch of touches) {
    if (!touch.visitor) continue
    const current = credited.get(touch.visitor)
    const better = !current || (options.model === 'first' ? earlier(touch, current) < 0 : earlier(touch, current) > 0)
    if (better) credited.set(touch.visitor, touch)
  }
  const counted = [...credited]
    .filter(([visitor]) => options.model === 'last' || !options.returning?.has(visitor))
    .map(([, touch]) => touch)
  return tally(counted.map((touch) => touchGroupKey(touch, options.group)))
}

/**
 * Leads (or members) per group, credited by their first or last touch, and those of them won.
 * @example countConversions(leads, { model: 'last', group: 'campaign' }) // { count: [...], won: [...] }
 */
export function countConversions(
  records: FunnelConversion[],
  options: { model: FunnelModel; group: FunnelGroup },
): { count: GroupCount[]; won: GroupCount[] } {
  const keyOf = (record: FunnelConversion) => touchGroupKey(options.model === 'first' ? record.firstTouch : record.lastTouch, options.group)
  return { count: tally(records.map(keyOf)), won: tally(records.filter((record) => record.status === 'won').map(keyOf)) }
}
