// Segments: saved rules over the people the brand may mail (members and leads), combined with
// all/any, compiled once into a predicate that a store runs over each person's facts.

/** What a segment rule looks at; one kind per condition an editor can pick. */
export const RULE_KINDS = ['topic', 'tier', 'locale', 'touch', 'leadStatus', 'leadOwner', 'form', 'since', 'points'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

/** One condition of a segment, as stored on the `segments` collection's `rules` rows. */
export type SegmentRule =
  | { kind: 'topic'; topic: string }
  | { kind: 'tier'; tier: string }
  | { kind: 'locale'; locale: string }
  | { kind: 'touch'; touch: 'first' | 'last'; channel?: string | null; campaign?: string | null }
  | { kind: 'leadStatus'; status: string }
  | { kind: 'leadOwner'; owner: string }
  | { kind: 'form'; form: string }
  | { kind: 'since'; since: string }
  | { kind: 'points'; above: number }

/** A saved rule: every condition (`all`) or at least one (`any`). */
export interface Segment {
  match: 'all' | 'any'
  rules: readonly SegmentRule[]
}

/** Where a person came from, as far as segments look: the channel and campaign of one touch. */
export interface TouchFacts {
  channel: string | null
  campaign: string | null
}

/**
 * What is known of one person the brand may mail: a member (with their lead, when linked) or a lead
 * that never became a member. `key` is stable across sends ('m:<id>' or 'l:<id>').
 */
export interface PersonFacts {
  key: string
  email: string
  name: string | null
  locale: string | null
  memberId: string | null
  leadId: string | null
  /** Topics whose latest consent entry is "subscribed". */
  subscribed: readonly string[]
  /** Topics whose latest consent entry is "unsubscribed": never mailed for that topic. */
  unsubscribed: readonly string[]
  tier: string | null
  points: number
  firstTouch: TouchFacts | null
  lastTouch: TouchFacts | null
  leadStatus: string | null
  leadOwner: string | null
  forms: readonly string[]
  /** When the person became known (member or lead created), ISO 8601. */
  since: string
}

/** Why a segment cannot be saved: the row and the field, in words an editor can act on. */
export interface SegmentProblem {
  rule: number
  field: string
  message: string
}

/** A rule's value as text: a relationship arrives as a number id (SQLite), a string id (MongoDB) or a document. */
const text = (value: unknown): string =>
  typeof value === 'string'
    ? value.trim()
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : value && typeof value === 'object' && 'id' in value
        ? text((value as { id: unknown }).id)
        : ''

/**
 * The problems of a segment's rules, one per bad field; an empty list when it can be compiled.
 * @example segmentProblems({ match: 'all', rules: [{ kind: 'points', above: -1 }] }) // [{ rule: 0, field: 'above', … }]
 */
export function segmentProblems(segment: { match?: unknown; rules?: unknown }): SegmentProblem[] {
  const problems: SegmentProblem[] = []
  if (segment.match !== 'all' && segment.match !== 'any') problems.push({ rule: -1, field: 'match', message: 'Choose "all" or "any".' })
  const rules = Array.isArray(segment.rules) ? (segment.rules as Record<string, unknown>[]) : []
  rules.forEach((rule, i) => {
    const need = (field: string, ok: boolean, message: string) => ok || problems.push({ rule: i, field, message })
    switch (rule?.kind) {
      case 'topic':
        return need('topic', /^[a-z0-9][a-z0-9-]{0,63}$/.test(text(rule.topic)), 'Give the slug of a topic, such as newsletter.')
      case 'tier':
        return need('tier', text(rule.tier) !== '', 'Choose a tier.')
      case 'locale':
        return need('locale', text(rule.locale) !== '', 'Choose a language.')
      case 'touch':
        need('touch', rule.touch === 'first' || rule.touch === 'last', 'Choose the first or the last touch.')
        return need('channel', text(rule.channel) !== '' || text(rule.campaign) !== '', 'Give a channel, a campaign or both.')
      case 'leadStatus':
        return need('status', text(rule.status) !== '', 'Choose a lead status.')
      case 'leadOwner':
        return need('owner', text(rule.owner) !== '', 'Choose a sales person.')
      case 'form':
        return need('form', text(rule.form) !== '', 'Choose a form.')
      case 'since':
        return need('since', Number.isFinite(Date.parse(text(rule.since))), 'Give a date.')
      case 'points':
        return need(
          'above',
          typeof rule.above === 'number' && Number.isFinite(rule.above) && rule.above >= 0,
          'Give a number of points, 0 or more.',
        )
      default:
        return need('kind', false, 'Choose what the rule looks at.')
    }
  })
  return problems
}

const touchMatches = (touch: TouchFacts | null, rule: { channel?: string | null; campaign?: string | null }) =>
  touch !== null &&
  (!text(rule.channel) || touch.channel === text(rule.channel)) &&
  (!text(rule.campaign) || touch.campaign === text(rule.campaign))

function compileRule(rule: SegmentRule): (p: PersonFacts) => boolean {
  switch (rule.kind) {
    case 'topic':
      return (p) => p.subscribed.includes(rule.topic)
    case 'tier':
      return (p) => p.tier === String(rule.tier)
    case 'locale':
      return (p) => p.locale === rule.locale
    case 'touch':
      return (p) => touchMatches(rule.touch === 'first' ? p.firstTouch : p.lastTouch, rule)
    case 'leadStatus':
      return (p) => p.leadStatus === rule.status
    case 'leadOwner':
      return (p) => p.leadOwner === String(rule.owner)
    case 'form':
      return (p) => p.forms.includes(String(rule.form))
    case 'since': {
      const since = Date.parse(rule.since)
      return (p) => Date.parse(p.since) >= since
    }
    case 'points':
      return (p) => p.points > rule.above
  }
}

/**
 * The segment as one predicate over a person's facts. Throws on rules segmentProblems refuses, so
 * check those first. A segment without rules matches nobody: sending to everyone is never a default.
 * @example people.filter(compileSegment({ match: 'all', rules: [{ kind: 'topic', topic: 'newsletter' }] }))
 */
export function compileSegment(segment: Segment): (person: PersonFacts) => boolean {
  const problems = segmentProblems(segment)
  if (problems.length)
    throw new Error(`The segment cannot be compiled: ${problems.map((p) => `rule ${p.rule + 1} ${p.field}`).join(', ')}.`)
  const tests = segment.rules.map(compileRule)
  if (tests.length === 0) return () => false
  return segment.match === 'all' ? (p) => tests.every((t) => t(p)) : (p) => tests.some((t) => t(p))
}

/** The topic a broadcast to this segment is about, which an unsubscribe leaves: its topic rule, or the newsletter. */
export function segmentTopic(segment: Segment): string {
  const rule = segment.rules.find((r): r is Extract<SegmentRule, { kind: 'topic' }> => r.kind === 'topic')
  return rule?.topic ?? 'newsletter'
}
