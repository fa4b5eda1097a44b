import type { Activity, Id } from './activity'

/** The events a scoring rule can count. */
export const SCORING_EVENTS = ['page-view', 'form-submitted', 'download', 'email-click', 'visits', 'member-signed-up'] as const
export type ScoringEvent = (typeof SCORING_EVENTS)[number]

/** A row of `scoring-rules`, as the scorer reads it. */
export interface ScoringRule {
  id: Id
  name: string
  event: ScoringEvent
  /** page-view: a path (`/pricing`), or a prefix ending in `*` (`/blog/*`). */
  path: string | null
  /** page-view: a category's slug. */
  category: string | null
  /** form-submitted and download: one form's id, or any. */
  form: string | null
  /** visits: this many visits within `withinDays`. */
  visits: number | null
  withinDays: number | null
  points: number
  /** The points are taken back after this many days (the interest has cooled). */
  decayDays: number | null
}

/** One change of a lead's score, with its reason: what the lead shows. */
export interface ScoreChange {
  lead: Id
  rule: Id | null
  points: number
  reason: string
  activity: Id | null
  at: string
  /** When decay takes these points back; null for never. */
  expiresAt: string | null
}

/** Page views closer together than this are one visit. */
export const VISIT_GAP_MS = 30 * 60_000
const DAY_MS = 86_400_000

function pathMatches(pattern: string, path: string): boolean {
  // A localised path (`/en/blog/x`) counts as its page: the rule is written for the page, not the language.
  const bare = path.replace(/^\/[a-z]{2}(?:-[a-z0-9]+)?(?=\/|$)/i, '') || '/'
  const test = (p: string) => (pattern.endsWith('*') ? p.startsWith(pattern.slice(0, -1)) : p === pattern)
  return test(path) || test(bare)
}

/** Whether a rule counts this activity (visits rules need the history too: see visitsReached). */
export function ruleMatches(rule: ScoringRule, activity: Pick<Activity, 'kind' | 'path' | 'categories' | 'form'>): boolean {
  switch (rule.event) {
    case 'page-view':
      if (activity.kind !== 'page-view') return false
      if (rule.path && !(activity.path && pathMatches(rule.path, activity.path))) return false
      if (rule.category && !activity.categories.includes(rule.category)) return false
      return true
    case 'visits':
      return activity.kind === 'page-view'
    case 'form-submitted':
    case 'download':
      return activity.kind === rule.event && (!rule.form || rule.form === activity.form)
    case 'email-click':
    case 'member-signed-up':
      return activity.kind === rule.event
  }
}

/**
 * How many visits the page views make (runs of views less than VISIT_GAP_MS apart).
 * @example countVisits([0, 60_000, 3_600_000]) // 2
 */
export function countVisits(times: number[]): number {
  let visits = 0
  let last = -Infinity
  for (const time of [...times].sort((a, b) => a - b)) {
    if (time - last >= VISIT_GAP_MS) visits += 1
    last = time
  }
  return visits
}

/** A visits rule fires when the views up to `at` make its number of visits within its days, and it has not fired in that window. */
export function visitsReached(rule: ScoringRule, viewTimes: number[], at: number, lastFired: number | null): boolean {
  const days = rule.withinDays ?? 30
  const since = at - days * DAY_MS
  if (lastFired !== null && lastFired > since) return false
  return countVisits(viewTimes.filter((t) => t > since && t <= at)) >= (rule.visits ?? 1)
}

function describe(activity: Activity): string {
  switch (activity.kind) {
    case 'page-view':
      return `read ${activity.path}${activity.categories.length ? ` (${activity.categories.join(', ')})` : ''}`
    case 'form-submitted':
      return `submitted form ${activity.form ?? ''}`.trim()
    case 'download':
      return `downloaded ${activity.ref ?? 'a document'}`
    case 'email-click':
      return `clicked an email link${activity.ref ? ` (${activity.ref})` : ''}`
    case 'member-signed-up':
      return 'signed up as a member'
    default:
      return activity.kind
  }
}

/** The reason a change shows on the lead: the rule, its points, and what the person did. */
export function reasonFor(rule: ScoringRule, activity: Activity, visits?: number): string {
  const sign = rule.points >= 0 ? '+' : ''
  const what = rule.event === 'visits' ? `${visits ?? rule.visits} visits in ${rule.withinDays ?? 30} days` : describe(activity)
  return `${rule.name} (${sign}${rule.points}): ${what}`
}

/** What the scorer needs to know about a lead's past. */
export interface ScoringHistory {
  /** The times of the lead's page views, processed or in this batch (ms). */
  viewTimes(lead: Id): number[]
  /** When a rule last gave this lead points (ms), or null. */
  lastFired(lead: Id, rule: Id): number | null
  /** Notes that a rule fired now, for the rest of the batch. */
  fired(lead: Id, rule: Id, at: number): void
}

/**
 * The score changes one activity of a lead makes under the rules, each with its reason.
 * @example scoreActivity([{ id: 1, name: 'Contact form', event: 'form-submitted', points: 10, … }], submission, history)
 *   // [{ points: 10, reason: 'Contact form (+10): submitted form 3', … }]
 */
export function scoreActivity(rules: ScoringRule[], activity: Activity, history: ScoringHistory): ScoreChange[] {
  if (activity.lead === null) return []
  const lead = activity.lead
  const at = Date.parse(activity.at)
  const changes: ScoreChange[] = []
  for (const rule of rules) {
    if (!rule.points || !ruleMatches(rule, activity)) continue
    let visits: number | undefined
    if (rule.event === 'visits') {
      const times = history.viewTimes(lead)
      if (!visitsReached(rule, times, at, history.lastFired(lead, rule.id))) continue
      visits = countVisits(times.filter((t) => t > at - (rule.withinDays ?? 30) * DAY_MS && t <= at))
    }
    history.fired(lead, rule.id, at)
    changes.push({
      lead,
      rule: rule.id,
      points: rule.points,
      reason: reasonFor(rule, activity, visits),
      activity: activity.id,
      at: activity.at,
      expiresAt: rule.decayDays ? new Date(at + rule.decayDays * DAY_MS).toISOString() : null,
    })
  }
  return changes
}

/** The change that takes back points whose time has run out. */
export function decayOf(change: ScoreChange & { id: Id }, now: Date): ScoreChange {
  return {
    lead: change.lead,
    rule: change.rule,
    points: -change.points,
    reason: `Expired: ${change.reason}`,
    activity: null,
    at: now.toISOString(),
    expiresAt: null,
  }
}

/** Whether a score change crosses the qualifying threshold upwards. */
export function crossesThreshold(before: number, after: number, threshold: number | null): boolean {
  return threshold !== null && before < threshold && after >= threshold
}

/** Statuses a crossing moves to qualified; won, lost and qualified leads stay where sales put them. */
export const QUALIFIABLE = ['new', 'contacted'] as const
