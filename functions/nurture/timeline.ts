import type { ActivityKind } from './activity'

/** One line of a lead's timeline: when, what kind of event, and what it was about, in words sales read. */
export interface TimelineEntry {
  at: string
  kind: 'touch' | 'score' | ActivityKind
  text: string
}

/** An arrival as stored in touches (functions/attribution). */
export interface TimelineTouch {
  at: string
  channel: string
  source?: string | null
  campaign?: string | null
  landingPage?: string | null
}

/** An activity row as stored in lead-activity. */
export interface TimelineActivity {
  at: string
  kind: ActivityKind
  path?: string | null
  form?: string | null
  ref?: string | null
}

/** A score change as stored in score-changes. */
export interface TimelineScore {
  at: string
  points: number
  reason: string
}

const ACTIVITY_WORDS: Record<ActivityKind, (a: TimelineActivity) => string> = {
  'page-view': (a) => `Read ${a.path ?? 'a page'}`,
  'form-submitted': (a) => `Submitted form ${a.form ?? ''}`.trim(),
  download: (a) => `Downloaded document ${a.ref ?? ''}`.trim(),
  'email-click': (a) => `Clicked a link in an email${a.ref ? ` (${a.ref})` : ''}`,
  'email-open': (a) => `Opened an email${a.ref ? ` (${a.ref})` : ''}`,
  'member-signed-up': () => 'Became a member',
  'topic-subscribed': (a) => `Subscribed to ${a.ref ?? 'a topic'}`,
  'tag-added': (a) => `Tagged ${a.ref ?? ''}`.trim(),
  'score-crossed': () => 'Crossed the qualifying score',
}

/**
 * A lead's timeline: arrivals, what they did and how their score moved, as one list, newest first,
 * at most `limit` lines. Sales read one story instead of four tables.
 * @example mergeTimeline({ touches: [{ at: '2026-03-01T10:00:00Z', channel: 'wechat' }], activity: [], scores: [] })
 * // [{ at: '2026-03-01T10:00:00Z', kind: 'touch', text: 'Arrived from wechat' }]
 */
export function mergeTimeline(
  { touches, activity, scores }: { touches: TimelineTouch[]; activity: TimelineActivity[]; scores: TimelineScore[] },
  limit = 200,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...touches.map((t) => ({
      at: t.at,
      kind: 'touch' as const,
      text: [
        `Arrived from ${t.channel}`,
        t.source && `(${t.source})`,
        t.campaign && `campaign ${t.campaign}`,
        t.landingPage && `at ${t.landingPage}`,
      ]
        .filter(Boolean)
        .join(' '),
    })),
    ...activity.map((a) => ({ at: a.at, kind: a.kind, text: ACTIVITY_WORDS[a.kind](a) })),
    ...scores.map((s) => ({ at: s.at, kind: 'score' as const, text: `Score ${s.points >= 0 ? '+' : ''}${s.points}: ${s.reason}` })),
  ]
  // Newest first; at one instant, the score change after the event that caused it.
  const order = (kind: TimelineEntry['kind']) => (kind === 'score' ? 1 : 0)
  return entries.sort((a, b) => b.at.localeCompare(a.at) || order(b.kind) - order(a.kind)).slice(0, limit)
}
