// What the signed-in account screens compute before their markup: the member, the refused form's
// values and errors, the screen's data in the shapes the site reads it (site/lib/account/), and
// dates in the reader's language. The components in this folder render it.
import type { ScreenModel } from '../../../functions/members/screen-model'
import { accountStrings } from './strings'

export interface Topic {
  id: string | number
  slug: string
  name: string
}

export interface LeadRequest {
  id: string | number
  form: string
  at: string
  status: string
  values: [string, unknown][]
}

export interface ConsentEntry {
  topic: string
  subscribed: boolean
  at: string
  source: string
}

export interface MembershipSummary {
  balance: number
  tierPoints: number
  tier: { name: string; benefits: string[] } | null
  nextTier: { name: string } | null
  pointsToNextTier: number | null
}

export interface Reward {
  id: string | number
  name: string
  cost: number
}

export interface LedgerEntry {
  reason: string
  points: number
  at: string
  note?: string | null
}

export interface MemberSession {
  id: string | number
  userAgent: string | null
  lastSeenAt: string
  current: boolean
}

/** The screens a signed-in member has, in the order the overview links them (after the overview itself). */
export const MEMBER_LINKS = ['profile', 'requests', 'subscriptions', 'membership', 'sessions', 'data'] as const

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

/** Everything a signed-in screen shows, from its model; `member` is null for a visitor. */
export function memberScreen(model: ScreenModel) {
  const { data, values } = model
  const member = model.signed?.member ?? null
  const dates = new Intl.DateTimeFormat(model.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })
  return {
    member,
    t: accountStrings(model.locale),
    errors: model.error?.fields ?? {},
    /** The submitted value of a refused form, else `fallback` (the stored one). */
    v: (name: string, fallback: string | null | undefined = '') => values[name] ?? fallback ?? '',
    /** A stored ISO time in the reader's language, in China's time zone; '' for anything else. */
    when: (iso: unknown) => (typeof iso === 'string' ? dates.format(new Date(iso)) : ''),
    topics: list<Topic>(data.topics),
    memberInterests: new Set((member?.interests ?? []).map(String)),
    requests: list<LeadRequest>(data.requests),
    subscribed: list<string>(data.subscribed),
    consentLog: list<ConsentEntry>(data.log),
    summary: data.summary as MembershipSummary | undefined,
    rewards: list<Reward>(data.rewards),
    ledger: list<LedgerEntry>(data.ledger),
    sessions: list<MemberSession>(data.sessions),
  }
}

export type MemberScreen = ReturnType<typeof memberScreen>
