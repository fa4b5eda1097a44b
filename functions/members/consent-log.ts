import { readSignedToken, signToken } from '../content/signed-token'

/** The general newsletter; every other topic is one an editor defined. */
export const NEWSLETTER = 'newsletter'

/**
 * Where a change was made: the account page, a link in an email (signed in or not), the sign-up form,
 * an admin, the newsletter box of a visitor who is not a member (confirmed by the link mailed to them),
 * or an admin's import of a list whose consent was given elsewhere (the entry's note says where).
 */
export type ConsentSource = 'account-page' | 'email-link' | 'sign-up' | 'admin' | 'newsletter-form' | 'import'
export const CONSENT_SOURCES: readonly ConsentSource[] = ['account-page', 'email-link', 'sign-up', 'admin', 'newsletter-form', 'import']

/** One change of one subscription, appended to the member's consent log and never edited. */
export interface ConsentEntry {
  topic: string
  subscribed: boolean
  at: string
  source: ConsentSource
  /** Where consent was given when it was not given here: an import's description (a sign-up sheet, the old tool). */
  note?: string | null
}

/** A subscription as it stands: the latest entry for its topic. */
export type ConsentState = Omit<ConsentEntry, 'topic'>

const TOPIC_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/

function isEntry(entry: unknown): entry is ConsentEntry {
  const e = entry as ConsentEntry
  return (
    typeof e?.topic === 'string' &&
    typeof e.subscribed === 'boolean' &&
    typeof e.at === 'string' &&
    Number.isFinite(Date.parse(e.at)) &&
    CONSENT_SOURCES.includes(e.source)
  )
}

/**
 * Each topic's current state from the log: the latest entry by time, the later one in the log on a tie.
 * A topic with no entry is not subscribed: consent is given, never assumed.
 * @example currentConsents(log).get('newsletter')?.subscribed // true
 */
export function currentConsents(log: readonly ConsentEntry[]): Map<string, ConsentState> {
  const states = new Map<string, ConsentState & { time: number }>()
  for (const entry of log) {
    if (!isEntry(entry)) continue
    const time = Date.parse(entry.at)
    const known = states.get(entry.topic)
    if (!known || time >= known.time) states.set(entry.topic, { subscribed: entry.subscribed, at: entry.at, source: entry.source, time })
  }
  return new Map(Array.from(states, ([topic, { time: _, ...state }]) => [topic, state]))
}

/** Whether the member is subscribed to `topic` now. */
export function isSubscribed(log: readonly ConsentEntry[], topic: string): boolean {
  return currentConsents(log).get(topic)?.subscribed ?? false
}

export type ConsentChangeResult = { ok: true; entries: ConsentEntry[] } | { ok: false; reason: 'unknown-topic' | 'invalid' }

/**
 * The entries to append for the subscriptions a member chose: only topics whose state changes are
 * logged, so saving the account page twice records nothing new. `topics` are the editor-defined
 * topics; the newsletter is always known.
 * @example planConsentChanges(log, { newsletter: false }, { source: 'email-link', topics: ['events'], now: new Date() })
 */
export function planConsentChanges(
  log: readonly ConsentEntry[],
  wanted: Readonly<Record<string, unknown>>,
  { source, topics, now }: { source: ConsentSource; topics: readonly string[]; now: Date },
): ConsentChangeResult {
  if (typeof wanted !== 'object' || wanted === null || Array.isArray(wanted) || !CONSENT_SOURCES.includes(source))
    return { ok: false, reason: 'invalid' }
  const known = new Set([NEWSLETTER, ...topics])
  const current = currentConsents(log)
  const entries: ConsentEntry[] = []
  for (const topic of Object.keys(wanted)) {
    const subscribed = wanted[topic]
    if (typeof subscribed !== 'boolean') return { ok: false, reason: 'invalid' }
    if (!TOPIC_PATTERN.test(topic) || !known.has(topic)) return { ok: false, reason: 'unknown-topic' }
    if ((current.get(topic)?.subscribed ?? false) !== subscribed) entries.push({ topic, subscribed, at: now.toISOString(), source })
  }
  return { ok: true, entries }
}

/** Who and what a one-click unsubscribe link is for. */
export interface UnsubscribeGrant {
  memberId: string
  topic: string
}

function requireSecret(secret: string): void {
  if (!secret) throw new Error('An unsubscribe token needs a server secret; pass PAYLOAD_SECRET or a secret of its own.')
}

/**
 * A token for a one-click unsubscribe link: the member and topic, signed, so the link works without
 * signing in (and inside a mail client's one-click POST) but cannot be turned against another member.
 * It does not expire: an unsubscribe link must work in an email read months later.
 * @example `${origin}/account/unsubscribe?token=${signUnsubscribeToken({ memberId: '7', topic: 'newsletter' }, secret)}`
 */
export function signUnsubscribeToken({ memberId, topic }: UnsubscribeGrant, secret: string): string {
  requireSecret(secret)
  return signToken({ m: String(memberId), t: topic }, 'unsubscribe', secret)
}

/** The grant inside a token, or null when it is malformed or its signature does not match. */
export function verifyUnsubscribeToken(token: unknown, secret: string): UnsubscribeGrant | null {
  if (typeof token !== 'string' || token.length > 1024) return null
  requireSecret(secret)
  const grant = readSignedToken(token, 'unsubscribe', secret) as { m?: unknown; t?: unknown } | null
  if (!grant || typeof grant !== 'object') return null
  if (typeof grant.m !== 'string' || !grant.m || typeof grant.t !== 'string' || !TOPIC_PATTERN.test(grant.t)) return null
  return { memberId: grant.m, topic: grant.t }
}

/**
 * The headers that make mail clients show an unsubscribe button that POSTs to `url` (RFC 8058).
 * @example listUnsubscribeHeaders('https://brand.example/account/unsubscribe?token=…')
 */
export function listUnsubscribeHeaders(url: string): Record<'List-Unsubscribe' | 'List-Unsubscribe-Post', string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}
