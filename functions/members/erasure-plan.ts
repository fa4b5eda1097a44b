import { newVisitorId } from '../attribution/visitor'
import { type AuditEntry, auditEntry } from './audit'
import { type Id, idOf, type LeadRecord, type MemberRecord, type SubmissionRecord, type TouchRecord } from './records'

/** The collections an erasure touches, named once so the wiring and this plan agree. */
export const ERASURE_COLLECTIONS = {
  members: 'members',
  leads: 'leads',
  deliveries: 'lead-deliveries',
  submissions: 'submissions',
  touches: 'touches',
  leadFiles: 'lead-files',
  consents: 'consent-log',
  points: 'points-ledger',
  codes: 'member-codes',
  sessions: 'member-sessions',
  identities: 'member-identities',
  outbox: 'outbox',
  broadcastDeliveries: 'broadcast-deliveries',
} as const
type CollectionSlug = (typeof ERASURE_COLLECTIONS)[keyof typeof ERASURE_COLLECTIONS]

/** The records that hold a member's data, found by the caller by member id, lead ids and email. */
export interface ErasureSources {
  leads: readonly LeadRecord[]
  submissions: readonly SubmissionRecord[]
  /** Documents of the touches collection that belong to the member's visitor id or leads. */
  touches: readonly (TouchRecord & { id: Id })[]
  /** Ids in the member's consent log, points ledger and one-time code records. */
  consentIds: readonly Id[]
  pointsIds: readonly Id[]
  codeIds: readonly Id[]
  /** The member's sessions, revoked or not (they hold a hashed IP address and a browser name). */
  sessionIds?: readonly Id[]
  /** The member's confirmed phone numbers and WeChat accounts (member-identities): the key is the number or openid itself. */
  identityIds?: readonly Id[]
  /** The delivery attempts recorded for the member's leads (lead-deliveries): they name the address they went to. */
  deliveryIds?: readonly Id[]
  /** Outbox mail to the member's address (a copy of what was sent, held for admins). */
  outboxIds: readonly Id[]
  /** Members this member referred: their `referredBy` is cleared, the rest of their record is theirs. */
  referredMemberIds: readonly Id[]
}

export interface ErasurePlan {
  /** Run first, in order: each record keeps its id and anonymous facts, personal fields are overwritten. */
  anonymise: { collection: CollectionSlug; id: Id; data: Record<string, unknown> }[]
  /** Run after anonymise, in order: children before the member, so no reference is left dangling. */
  delete: { collection: CollectionSlug; id: Id }[]
  audit: AuditEntry
}

// What a touch may keep once anonymous: where and when, for the funnel's counts; never who.
const TOUCH_KEEPS = [
  'channel',
  'source',
  'medium',
  'campaign',
  'content',
  'term',
  'landingPage',
  'campaignLink',
  'referralCode',
  'at',
] as const
// Fields of a touches document that are bookkeeping or links to records that stay (the anonymised lead).
const TOUCH_RECORD_KEEPS = new Set<string>([...TOUCH_KEEPS, 'id', 'lead', 'createdAt', 'updatedAt'])

// Keys that name an object's machinery rather than a field; never written as data.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** A site path without its query or fragment, which can carry an email from a prefilled link. */
function pathOnly(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null
  try {
    return new URL(value, 'http://path.invalid').pathname
  } catch {
    // Not even a relative URL: nothing in it is worth keeping.
    return null
  }
}

/**
 * A touch without anything that could lead back to the person: channel, campaign, landing path
 * and time stay; the referrer URL and anything else go.
 * @example anonymiseTouch({ channel: 'wechat', campaign: '春季', referrer: 'https://mp.weixin.qq.com/s?u=me', at })
 *   // { channel: 'wechat', campaign: '春季', referrer: null, … }
 */
export function anonymiseTouch(touch: TouchRecord | null | undefined): TouchRecord | null {
  if (!touch || typeof touch !== 'object') return null
  const kept: TouchRecord = { referrer: null }
  for (const key of TOUCH_KEEPS)
    kept[key] = key === 'landingPage' ? pathOnly(touch.landingPage) : typeof touch[key] === 'string' ? touch[key] : null
  return kept
}

export function unique<T extends { collection: string; id: Id }>(items: T[]): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = `${item.collection}\u0000${String(item.id)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** What a person's erasure covers whether or not they have an account: their leads and what hangs off them. */
export type PersonErasureSources = Pick<
  ErasureSources,
  'leads' | 'submissions' | 'touches' | 'consentIds' | 'deliveryIds' | 'outboxIds'
> & {
  /** Their rows in broadcast sends (broadcast-deliveries): the count stays, the address and name go. */
  broadcastDeliveryIds?: readonly Id[]
}

/**
 * The part of an erasure that is the same for a member and for a lead who never had an account:
 * leads, submissions and touches stay as anonymous rows (channel, campaign, dates, form, status) so
 * the funnel's counts do not change, with email, phone, name, IP hash, user agent, free-text values
 * and notes removed; their files, consent entries and outbox mail go.
 */
export function personErasure(
  sources: PersonErasureSources,
  { now, pseudonym }: { now: Date; pseudonym: string },
): Pick<ErasurePlan, 'anonymise' | 'delete'> {
  const C = ERASURE_COLLECTIONS
  const anonymisedAt = now.toISOString()
  const files = sources.submissions.flatMap((s) => (s.attachments ?? []).map((a) => idOf(a)).filter((id): id is Id => id !== null))
  return {
    anonymise: [
      ...sources.leads.map((lead) => ({
        collection: C.leads,
        id: lead.id,
        data: {
          email: null,
          phone: null,
          name: null,
          notes: null,
          deliveryProblem: null,
          firstTouch: anonymiseTouch(lead.firstTouch),
          lastTouch: anonymiseTouch(lead.lastTouch),
          member: null,
          anonymisedAt,
        },
      })),
      // A delivery attempt keeps what happened and when; the address, the provider's message id and the reason text go.
      ...(sources.deliveryIds ?? []).map((id) => ({ collection: C.deliveries, id, data: { to: null, providerId: null, reason: null } })),
      ...sources.submissions.map((s) => ({
        collection: C.submissions,
        id: s.id,
        data: {
          values: {},
          consents: [],
          attachments: [],
          pageUrl: pathOnly(s.pageUrl),
          userAgent: null,
          ipHash: null,
          // The browser's visitor id would tie the anonymous row back to the browser's touches and cookie.
          visitor: null,
          conflict: null,
          firstTouch: anonymiseTouch(s.firstTouch),
          lastTouch: anonymiseTouch(s.lastTouch),
          anonymisedAt,
        },
      })),
      ...sources.touches.map((touch) => {
        // Every field not known to be anonymous is cleared, so a field added to touches later is erased too.
        const data: Record<string, unknown> = {}
        for (const key of Object.keys(touch)) if (!TOUCH_RECORD_KEEPS.has(key) && !UNSAFE_KEYS.has(key)) data[key] = null
        data.landingPage = pathOnly(touch.landingPage)
        // A fresh id, unrelated to the browser's cookie, shared by this person's touches only: the
        // funnel still counts them as one visitor, and nothing leads back to the browser.
        if (touch.visitor) data.visitor = pseudonym
        return { collection: C.touches, id: touch.id, data }
      }),
      // The address is required on a delivery row: it keeps a mark that says what happened to it.
      ...(sources.broadcastDeliveryIds ?? []).map((id) => ({
        collection: C.broadcastDeliveries,
        id,
        data: { email: ERASED_ADDRESS, name: null },
      })),
    ],
    delete: [
      ...files.map((id) => ({ collection: C.leadFiles, id })),
      ...sources.consentIds.map((id) => ({ collection: C.consents, id })),
      ...sources.outboxIds.map((id) => ({ collection: C.outbox, id })),
    ],
  }
}

/** What an erased person's address becomes where a row must keep one. */
export const ERASED_ADDRESS = '(erased)'

/** Counts per collection, for the audit entry: what was done, never to whom. */
export const countByCollection = (items: { collection: string }[]) =>
  items.reduce<Record<string, number>>((counts, { collection }) => ({ ...counts, [collection]: (counts[collection] ?? 0) + 1 }), {})

/**
 * Exactly which records to delete and which to anonymise when a member erases their account, and
 * the audit entry: the person's part (personErasure), and the member with their points, codes,
 * sessions and identities, deleted last so no reference is left dangling. Run it in one transaction.
 * @example const plan = erasurePlan(member, sources, { actor: 'member', now: new Date() })
 */
export function erasurePlan(
  member: MemberRecord,
  sources: ErasureSources,
  { actor, now, pseudonym = newVisitorId() }: { actor: 'member' | 'admin'; now: Date; pseudonym?: string },
): ErasurePlan {
  const C = ERASURE_COLLECTIONS
  const person = personErasure(sources, { now, pseudonym })
  const anonymise: ErasurePlan['anonymise'] = unique([
    ...sources.referredMemberIds.map((id) => ({ collection: C.members, id, data: { referredBy: null } })),
    ...person.anonymise,
  ])
  const remove: ErasurePlan['delete'] = unique([
    ...person.delete.filter((d) => d.collection !== C.outbox),
    ...sources.pointsIds.map((id) => ({ collection: C.points, id })),
    ...sources.codeIds.map((id) => ({ collection: C.codes, id })),
    ...(sources.sessionIds ?? []).map((id) => ({ collection: C.sessions, id })),
    ...(sources.identityIds ?? []).map((id) => ({ collection: C.identities, id })),
    ...person.delete.filter((d) => d.collection === C.outbox),
    { collection: C.members, id: member.id },
  ])
  return {
    anonymise,
    delete: remove,
    audit: auditEntry('member-erased', member.id, {
      actor,
      now,
      details: { anonymised: countByCollection(anonymise), deleted: countByCollection(remove) },
    }),
  }
}
