// The members' store contract: what the account screens and jobs read and write about members,
// their sessions, codes, ledger and erasure. cms/members/store.ts implements it on every database.
import type { LeadStore } from '../lead-intake/lead-store'
import type { AuditEntry } from './audit'
import type { ConsentEntry } from './consent-log'
import type { ErasurePlan } from './erasure-plan'
import type { CodePurpose, CodeRecord } from './one-time-code'
import type { PointsEntry, Tier } from './points'
import type { Id } from './records'

/** A member as the site works with it: the stored document plus its password hash. */
export interface StoredMember {
  id: Id
  email: string
  emailVerifiedAt: string | null
  passwordHash: string | null
  name: string | null
  company: string | null
  jobTitle: string | null
  phone: string | null
  preferredLanguage: 'zh-CN' | 'en' | null
  interests: Id[]
  referralCode: string | null
  referredBy: Id | null
  lead: Id | null
  visitor: string | null
  firstTouch: unknown
  lastTouch: unknown
  erasedAt: string | null
  createdAt: string
}

export interface StoredSession {
  id: Id
  member: Id
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  userAgent: string | null
  revokedAt: string | null
}

export interface StoredCode {
  id: Id
  record: CodeRecord | null
  version: number
  requestId: string | null
  newEmail: string | null
}

/** A unique index refused the write: the email or referral code is someone else's already. */
export class DuplicateError extends Error {
  override name = 'DuplicateError'
}

/** Everything the members wiring reads and writes, on one database. */
export interface MembersStore {
  memberByEmail(email: string): Promise<StoredMember | null>
  memberById(id: Id): Promise<StoredMember | null>
  memberByReferralCode(code: string): Promise<StoredMember | null>
  createMember(data: {
    email: string
    passwordHash: string
    name: string | null
    preferredLanguage: string
    referralCode: string
    visitor: string | null
    firstTouch: unknown
    lastTouch: unknown
    referredBy: Id | null
  }): Promise<StoredMember>
  updateMember(id: Id, data: Record<string, unknown>): Promise<StoredMember>
  referredCount(id: Id): Promise<number>
  createSession(data: { member: Id; tokenHash: string; userAgent: string; ipHash: string; now: Date; expiresAt: Date }): Promise<Id>
  /** The live session with this token hash and its member; null when unknown, expired, revoked or erased. */
  sessionByTokenHash(
    tokenHash: string,
    now: Date,
  ): Promise<{
    session: StoredSession
    member: StoredMember
  } | null>
  touchSession(id: Id, now: Date, expiresAt: Date): Promise<void>
  sessionsOf(member: Id, now: Date): Promise<StoredSession[]>
  /** Revokes the member's sessions matching `which` (one id, or all but one); another member's session is never matched. */
  revokeSessions(
    member: Id,
    which:
      | {
          only: Id
        }
      | {
          except: Id | null
        },
    now: Date,
  ): Promise<number>
  codeOf(subject: string, purpose: CodePurpose): Promise<StoredCode | null>
  /** Stores a newly issued code (the job that mails it). */
  saveIssuedCode(
    subject: string,
    purpose: CodePurpose,
    record: CodeRecord,
    extra: {
      requestId: string
      newEmail?: string | null
    },
  ): Promise<void>
  /** Forgets every code of a subject (an email that is no longer the member's). */
  deleteCodes(subject: string): Promise<void>
  /** Saves a verified or counted code only if nobody saved it since it was read; false when someone did. */
  compareAndSetCode(code: StoredCode, record: CodeRecord): Promise<boolean>
  /** The person's lead, found or created (functions/lead-intake/lead-store.ts: one lead per person). */
  findOrCreateLead: LeadStore['findOrCreateLead']
  linkLead(lead: Id, member: Id, now: Date): Promise<void>
  submissionsOfLead(lead: Id, locale: string): Promise<Record<string, unknown>[]>
  leadStatus(lead: Id): Promise<string | null>
  /**
   * The leads linked to the member, which happens only when their email is confirmed
   * (becomeMember). Never by a matching email alone: anyone can sign up with someone else's
   * address, and an unconfirmed member sees, exports and erases nothing of that person's leads.
   */
  leadsOf(member: StoredMember): Promise<Record<string, unknown>[]>
  submissionsOfLeads(leads: Id[]): Promise<Record<string, unknown>[]>
  touchesOf(leads: Id[], visitor: string | null): Promise<Record<string, unknown>[]>
  /** The visitor's latest arrival through a member's referral link, if any. */
  referralCodeOfVisitor(visitor: string): Promise<string | null>
  ledgerOf(member: Id): Promise<
    (PointsEntry & {
      id: Id
    })[]
  >
  /**
   * Appends an entry; false when (member, reason, ref) was credited already or when an entry that
   * takes points away would leave the balance below zero. The balance is checked in the database,
   * not only in this process: two site processes redeeming at once must not both spend the points.
   */
  appendPoints(member: Id, entry: PointsEntry, note?: string | null): Promise<boolean>
  consentsOf(member: Id): Promise<
    (ConsentEntry & {
      id: Id
    })[]
  >
  appendConsents(member: Id, entries: ConsentEntry[]): Promise<void>
  tiers(locale: string): Promise<
    (Tier & {
      id: Id
    })[]
  >
  rewards(locale: string): Promise<
    {
      id: Id
      name: string
      cost: number
    }[]
  >
  topics(locale: string): Promise<
    {
      id: Id
      slug: string
      name: string
    }[]
  >
  audit(entry: AuditEntry): Promise<void>
  idsOf(
    collection: 'consent-log' | 'points-ledger' | 'member-codes' | 'outbox' | 'member-sessions' | 'members' | 'lead-deliveries',
    where: Record<string, unknown>,
  ): Promise<Id[]>
  /** Carries out an erasure plan: anonymise, then delete (children before the member), then the audit entry. */
  applyErasure(plan: ErasurePlan): Promise<void>
}
