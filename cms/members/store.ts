import type { Client } from '@libsql/client'
import type { Payload, Where } from 'payload'

import type { CodePurpose, CodeRecord } from '../../functions/members/one-time-code'
import type { ConsentEntry } from '../../functions/members/consent-log'
import type { PointsEntry, Tier } from '../../functions/members/points'
import type { AuditEntry } from '../../functions/members/audit'
import type { ErasurePlan } from '../../functions/members/erasure-plan'
import { isConfirmed } from '../../functions/members/confirmed'
import type { Id } from '../../functions/members/records'
import { DuplicateError, type MembersStore, type StoredCode, type StoredMember, type StoredSession } from '../../functions/members/store'
import { serialize } from '../jobs/serialize'


const idOf = (value: unknown): Id | null => (value && typeof value === 'object' ? ((value as { id: Id }).id ?? null) : ((value as Id | null | undefined) ?? null))
const toRelation = (id: Id) => (typeof id === 'string' && /^[0-9]+$/.test(id) ? Number(id) : id) as never

function memberOf(doc: Record<string, unknown>): StoredMember {
  return {
    id: doc.id as Id,
    email: String(doc.email),
    emailVerifiedAt: (doc.emailVerifiedAt as string | null) ?? null,
    passwordHash: (doc.passwordHash as string | null) ?? null,
    name: (doc.name as string | null) ?? null,
    company: (doc.company as string | null) ?? null,
    jobTitle: (doc.jobTitle as string | null) ?? null,
    phone: (doc.phone as string | null) ?? null,
    preferredLanguage: (doc.preferredLanguage as StoredMember['preferredLanguage']) ?? null,
    interests: Array.isArray(doc.interests) ? doc.interests.map(idOf).filter((id): id is Id => id !== null) : [],
    referralCode: (doc.referralCode as string | null) ?? null,
    referredBy: idOf(doc.referredBy),
    lead: idOf(doc.lead),
    visitor: (doc.visitor as string | null) ?? null,
    firstTouch: doc.firstTouch ?? null,
    lastTouch: doc.lastTouch ?? null,
    erasedAt: (doc.erasedAt as string | null) ?? null,
    createdAt: String(doc.createdAt),
  }
}

const isUniqueViolation = (error: unknown) => /unique|duplicate|E11000|already (registered|in use)|must be unique/i.test(`${(error as Error)?.message ?? ''} ${JSON.stringify((error as { data?: unknown })?.data ?? '')}`)

/**
 * Everything the members wiring reads and writes, on this database. Local API throughout (every
 * adapter), with SQL on SQLite where an operation must be atomic (a code's compare-and-set) or
 * runs on every signed-in request (the session lookup).
 */
export function membersStore(payload: Payload): MembersStore {
  const sqlite = payload.db.packageName === '@payloadcms/db-sqlite' ? (payload.db as unknown as { client: Client }).client : null
  const base = { depth: 0, overrideAccess: true } as const

  const findOne = async (collection: 'members' | 'leads' | 'member-codes', where: Where) => (await payload.find({ collection, where, limit: 1, ...base, showHiddenFields: true })).docs[0] as Record<string, unknown> | undefined

  return {
    // ---- members
    async memberByEmail(email: string): Promise<StoredMember | null> {
      const doc = await findOne('members', { email: { equals: email } })
      return doc ? memberOf(doc) : null
    },
    async memberById(id: Id): Promise<StoredMember | null> {
      const doc = await payload.findByID({ collection: 'members', id: toRelation(id), ...base, showHiddenFields: true, disableErrors: true })
      return doc ? memberOf(doc as unknown as Record<string, unknown>) : null
    },
    async memberByReferralCode(code: string): Promise<StoredMember | null> {
      const doc = await findOne('members', { referralCode: { equals: code } })
      return doc ? memberOf(doc) : null
    },
    async createMember(data: { email: string; passwordHash: string; name: string | null; preferredLanguage: string; referralCode: string; visitor: string | null; firstTouch: unknown; lastTouch: unknown; referredBy: Id | null }): Promise<StoredMember> {
      try {
        const doc = await payload.create({ collection: 'members', data: { ...data, referredBy: data.referredBy === null ? null : toRelation(data.referredBy) } as never, ...base, showHiddenFields: true })
        return memberOf(doc as unknown as Record<string, unknown>)
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateError('email or referral code taken')
        throw error
      }
    },
    async updateMember(id: Id, data: Record<string, unknown>): Promise<StoredMember> {
      try {
        const doc = await payload.update({ collection: 'members', id: toRelation(id), data: data as never, ...base, showHiddenFields: true })
        return memberOf(doc as unknown as Record<string, unknown>)
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateError('email taken')
        throw error
      }
    },
    async referredCount(id: Id): Promise<number> {
      return (await payload.count({ collection: 'members', where: { referredBy: { equals: id } }, overrideAccess: true })).totalDocs
    },

    // ---- sessions
    async createSession(data: { member: Id; tokenHash: string; userAgent: string; ipHash: string; now: Date; expiresAt: Date }): Promise<Id> {
      const doc = await payload.create({
        collection: 'member-sessions',
        data: { member: toRelation(data.member), tokenHash: data.tokenHash, userAgent: data.userAgent, ipHash: data.ipHash, lastSeenAt: data.now.toISOString(), expiresAt: data.expiresAt.toISOString() },
        ...base,
        select: {},
      })
      return doc.id
    },
    /** The live session with this token hash and its member; null when unknown, expired, revoked or erased. */
    async sessionByTokenHash(tokenHash: string, now: Date): Promise<{ session: StoredSession; member: StoredMember } | null> {
      if (sqlite) {
        // Every signed-in request asks this: one indexed read, no transaction and no Local API round.
        const found = await sqlite.execute({
          sql: `SELECT s.id AS session_id, s.created_at AS session_created_at, s.last_seen_at, s.expires_at, s.user_agent, s.revoked_at, m.*,
                  (SELECT json_group_array(r.topics_id) FROM (SELECT topics_id FROM members_rels WHERE parent_id = m.id AND path = 'interests' ORDER BY "order") r) AS interest_ids
                FROM member_sessions s JOIN members m ON m.id = s.member_id WHERE s.token_hash = ? LIMIT 1`,
          args: [tokenHash],
        })
        const row = found.rows[0] as Record<string, unknown> | undefined
        if (!row || row.revoked_at || !(Date.parse(String(row.expires_at)) > now.getTime()) || row.erased_at) return null
        const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null))
        const member = memberOf({
          id: Number(row.id), email: row.email, emailVerifiedAt: row.email_verified_at, passwordHash: row.password_hash, name: row.name, company: row.company,
          jobTitle: row.job_title, phone: row.phone, preferredLanguage: row.preferred_language, interests: (JSON.parse(String(row.interest_ids ?? '[]')) as unknown[]).filter((id) => id !== null).map(Number),
          referralCode: row.referral_code, referredBy: row.referred_by_id === null ? null : Number(row.referred_by_id), lead: row.lead_id === null ? null : Number(row.lead_id),
          visitor: row.visitor, firstTouch: json(row.first_touch), lastTouch: json(row.last_touch), erasedAt: row.erased_at, createdAt: row.created_at,
        })
        const session: StoredSession = { id: Number(row.session_id), member: member.id, createdAt: String(row.session_created_at), lastSeenAt: String(row.last_seen_at), expiresAt: String(row.expires_at), userAgent: (row.user_agent as string | null) ?? null, revokedAt: null }
        return { session, member }
      }
      const doc = (await payload.find({ collection: 'member-sessions', where: { tokenHash: { equals: tokenHash } }, limit: 1, ...base })).docs[0]
      if (!doc || doc.revokedAt || !(Date.parse(doc.expiresAt) > now.getTime())) return null
      const session: StoredSession = { id: doc.id, member: idOf(doc.member)!, createdAt: doc.createdAt, lastSeenAt: doc.lastSeenAt, expiresAt: doc.expiresAt, userAgent: doc.userAgent ?? null, revokedAt: null }
      const member = await this.memberById(session.member)
      if (!member || member.erasedAt) return null
      return { session, member }
    },
    async touchSession(id: Id, now: Date, expiresAt: Date): Promise<void> {
      await payload.update({ collection: 'member-sessions', id: toRelation(id), data: { lastSeenAt: now.toISOString(), expiresAt: expiresAt.toISOString() }, ...base, select: {} })
    },
    async sessionsOf(member: Id, now: Date): Promise<StoredSession[]> {
      const { docs } = await payload.find({
        collection: 'member-sessions',
        where: { and: [{ member: { equals: member } }, { revokedAt: { exists: false } }, { expiresAt: { greater_than: now.toISOString() } }] },
        sort: '-lastSeenAt',
        limit: 100,
        ...base,
      })
      return docs.map((doc) => ({ id: doc.id, member, createdAt: doc.createdAt, lastSeenAt: doc.lastSeenAt, expiresAt: doc.expiresAt, userAgent: doc.userAgent ?? null, revokedAt: doc.revokedAt ?? null }))
    },
    /** Revokes the member's sessions matching `which` (one id, or all but one); another member's session is never matched. */
    async revokeSessions(member: Id, which: { only: Id } | { except: Id | null }, now: Date): Promise<number> {
      const scope: Where[] = [{ member: { equals: member } }, { revokedAt: { exists: false } }]
      if ('only' in which) scope.push({ id: { equals: which.only } })
      else if (which.except !== null) scope.push({ id: { not_equals: which.except } })
      const { docs } = await payload.update({ collection: 'member-sessions', where: { and: scope }, data: { revokedAt: now.toISOString() }, ...base, select: {} })
      return docs.length
    },

    // ---- one-time codes
    async codeOf(subject: string, purpose: CodePurpose): Promise<StoredCode | null> {
      const doc = await findOne('member-codes', { and: [{ subject: { equals: subject } }, { purpose: { equals: purpose } }] })
      if (!doc) return null
      return { id: doc.id as Id, record: (doc.record as CodeRecord | null) ?? null, version: Number(doc.version ?? 0), requestId: (doc.requestId as string | null) ?? null, newEmail: (doc.newEmail as string | null) ?? null }
    },
    /** Stores a newly issued code (the job that mails it). */
    async saveIssuedCode(subject: string, purpose: CodePurpose, record: CodeRecord, extra: { requestId: string; newEmail?: string | null }): Promise<void> {
      await serialize(`code:${subject}:${purpose}`, async () => {
        const existing = await this.codeOf(subject, purpose)
        const data = { subject, purpose, record: record as never, requestId: extra.requestId, newEmail: extra.newEmail ?? null }
        if (existing) await payload.update({ collection: 'member-codes', id: toRelation(existing.id), data: { ...data, version: existing.version + 1 }, ...base, select: {} })
        else await payload.create({ collection: 'member-codes', data: { ...data, version: 0 }, ...base, select: {} })
      })
    },
    /** Forgets every code of a subject (an email that is no longer the member's). */
    async deleteCodes(subject: string): Promise<void> {
      await payload.delete({ collection: 'member-codes', where: { subject: { equals: subject } }, ...base, select: {} })
    },
    /** Saves a verified or counted code only if nobody saved it since it was read; false when someone did. */
    async compareAndSetCode(code: StoredCode, record: CodeRecord): Promise<boolean> {
      if (sqlite) {
        const result = await sqlite.execute({ sql: 'UPDATE member_codes SET record = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?', args: [JSON.stringify(record), new Date().toISOString(), Number(code.id), code.version] })
        return result.rowsAffected === 1
      }
      // Other adapters: the check and the write are two steps, serialised within this process.
      return serialize(`code-id:${code.id}`, async () => {
        const now = await payload.findByID({ collection: 'member-codes', id: toRelation(code.id), ...base, disableErrors: true })
        if (!now || Number(now.version ?? 0) !== code.version) return false
        await payload.update({ collection: 'member-codes', id: toRelation(code.id), data: { record: record as never, version: code.version + 1 }, ...base, select: {} })
        return true
      })
    },

    // ---- leads, submissions, touches
    async leadByEmail(email: string): Promise<{ id: Id; member: Id | null; firstTouch: unknown } | null> {
      const doc = (await payload.find({ collection: 'leads', where: { email: { equals: email } }, sort: 'createdAt', limit: 1, ...base })).docs[0]
      return doc ? { id: doc.id, member: idOf(doc.member), firstTouch: doc.firstTouch ?? null } : null
    },
    async createLead(data: { email: string; name: string | null; firstTouch: unknown; lastTouch: unknown; member: Id; now: Date }): Promise<Id> {
      const doc = await payload.create({ collection: 'leads', data: { email: data.email, name: data.name, status: 'new', firstTouch: data.firstTouch as never, lastTouch: data.lastTouch as never, member: toRelation(data.member), becameMemberAt: data.now.toISOString() }, ...base, select: {} })
      return doc.id
    },
    async linkLead(lead: Id, member: Id, now: Date): Promise<void> {
      await payload.update({ collection: 'leads', id: toRelation(lead), data: { member: toRelation(member), becameMemberAt: now.toISOString() }, ...base, select: {} })
    },
    async submissionsOfLead(lead: Id, locale: string): Promise<Record<string, unknown>[]> {
      const { docs } = await payload.find({ collection: 'submissions', where: { lead: { equals: lead } }, sort: '-createdAt', limit: 200, depth: 1, overrideAccess: true, locale: locale as never, select: { form: true, values: true, createdAt: true, lead: true } })
      return docs as unknown as Record<string, unknown>[]
    },
    async leadStatus(lead: Id): Promise<string | null> {
      const doc = await payload.findByID({ collection: 'leads', id: toRelation(lead), ...base, disableErrors: true, select: { status: true } })
      return (doc?.status as string | undefined) ?? null
    },
    /**
     * The leads linked to the member, which happens only when their email is confirmed
     * (becomeMember). Never by a matching email alone: anyone can sign up with someone else's
     * address, and an unconfirmed member sees, exports and erases nothing of that person's leads.
     */
    async leadsOf(member: StoredMember): Promise<Record<string, unknown>[]> {
      if (!isConfirmed(member)) return []
      const or: Where[] = [{ member: { equals: member.id } }]
      if (member.lead !== null) or.push({ id: { equals: member.lead } })
      return (await payload.find({ collection: 'leads', where: { or }, ...base, limit: 50 })).docs as never
    },
    async submissionsOfLeads(leads: Id[]): Promise<Record<string, unknown>[]> {
      if (!leads.length) return []
      return (await payload.find({ collection: 'submissions', where: { lead: { in: leads } }, ...base, depth: 1, limit: 1000, pagination: false })).docs as never
    },
    async touchesOf(leads: Id[], visitor: string | null): Promise<Record<string, unknown>[]> {
      const or: Where[] = []
      if (leads.length) or.push({ lead: { in: leads } })
      if (visitor) or.push({ visitor: { equals: visitor } })
      if (!or.length) return []
      return (await payload.find({ collection: 'touches', where: { or }, ...base, limit: 5000, pagination: false, sort: 'at' })).docs as never
    },
    /** The visitor's latest arrival through a member's referral link, if any. */
    async referralCodeOfVisitor(visitor: string): Promise<string | null> {
      const doc = (await payload.find({ collection: 'touches', where: { and: [{ visitor: { equals: visitor } }, { referralCode: { exists: true } }] }, sort: '-at', limit: 1, ...base })).docs[0]
      return (doc?.referralCode as string | undefined) ?? null
    },

    // ---- points, consents, tiers, rewards, topics
    async ledgerOf(member: Id): Promise<(PointsEntry & { id: Id })[]> {
      const { docs } = await payload.find({ collection: 'points-ledger', where: { member: { equals: member } }, sort: 'at', limit: 0, pagination: false, ...base })
      return docs.map((d) => ({ id: d.id, kind: d.kind, reason: d.reason, points: d.points, at: d.at, ref: d.ref, note: d.note ?? null })) as never
    },
    /**
     * Appends an entry; false when (member, reason, ref) was credited already or when an entry that
     * takes points away would leave the balance below zero. The balance is checked in the database,
     * not only in this process: two site processes redeeming at once must not both spend the points.
     */
    async appendPoints(member: Id, entry: PointsEntry, note: string | null = null): Promise<boolean> {
      try {
        if (entry.points < 0 && sqlite) {
          // One statement: SQLite holds the write lock from the balance read to the insert.
          const result = await sqlite.execute({
            sql: `INSERT INTO points_ledger (member_id, kind, reason, points, ref, note, at)
                  SELECT ?, ?, ?, ?, ?, ?, ? WHERE (SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE member_id = ?) + ? >= 0`,
            args: [Number(member), entry.kind, entry.reason, entry.points, entry.ref, note, entry.at, Number(member), entry.points],
          })
          return result.rowsAffected === 1
        }
        const doc = await payload.create({ collection: 'points-ledger', data: { member: toRelation(member), ...entry, note }, ...base, context: { ledger: 'site' }, select: {} })
        if (entry.points < 0) {
          // Other adapters: write, then look. A balance below zero means a racing spend got there too,
          // and this entry is withdrawn: both may withdraw (one refused needlessly), neither overspends.
          const { docs } = await payload.find({ collection: 'points-ledger', where: { member: { equals: member } }, limit: 0, pagination: false, ...base, select: { points: true } })
          if (docs.reduce((sum, d) => sum + Number(d.points ?? 0), 0) < 0) {
            await payload.delete({ collection: 'points-ledger', id: doc.id, ...base, select: {} })
            return false
          }
        }
        return true
      } catch (error) {
        // The (member, reason, ref) index: another request credited this already.
        if (isUniqueViolation(error)) return false
        throw error
      }
    },
    async consentsOf(member: Id): Promise<(ConsentEntry & { id: Id })[]> {
      const { docs } = await payload.find({ collection: 'consent-log', where: { member: { equals: member } }, sort: 'at', limit: 0, pagination: false, ...base })
      return docs.map((d) => ({ id: d.id, topic: d.topic, subscribed: Boolean(d.subscribed), at: d.at, source: d.source })) as never
    },
    async appendConsents(member: Id, entries: ConsentEntry[]): Promise<void> {
      for (const entry of entries) await payload.create({ collection: 'consent-log', data: { member: toRelation(member), ...entry }, ...base, select: {} })
    },
    async tiers(locale: string): Promise<(Tier & { id: Id })[]> {
      const { docs } = await payload.find({ collection: 'tiers', sort: 'minPoints', limit: 100, locale: locale as never, ...base })
      return docs.map((d) => ({ id: d.id, name: d.name ?? '', minPoints: Number(d.minPoints ?? 0), benefits: (d.benefits ?? []).map((b) => b.text).filter(Boolean) as string[] }))
    },
    async rewards(locale: string): Promise<{ id: Id; name: string; cost: number }[]> {
      const { docs } = await payload.find({ collection: 'rewards', where: { active: { equals: true } }, sort: 'cost', limit: 100, locale: locale as never, ...base })
      return docs.map((d) => ({ id: d.id, name: d.name ?? '', cost: Number(d.cost) }))
    },
    async topics(locale: string): Promise<{ id: Id; slug: string; name: string }[]> {
      const { docs } = await payload.find({ collection: 'topics', sort: 'slug', limit: 200, locale: locale as never, ...base })
      return docs.map((d) => ({ id: d.id, slug: d.slug, name: d.name ?? d.slug }))
    },

    // ---- data rights
    async audit(entry: AuditEntry): Promise<void> {
      await payload.create({ collection: 'audit-log', data: entry as never, ...base, select: {} })
    },
    async idsOf(collection: 'consent-log' | 'points-ledger' | 'member-codes' | 'outbox' | 'member-sessions' | 'members' | 'lead-deliveries', where: Where): Promise<Id[]> {
      return (await payload.find({ collection, where, ...base, limit: 0, pagination: false, select: {} })).docs.map((d) => d.id)
    },
    /** Carries out an erasure plan: anonymise, then delete (children before the member), then the audit entry. */
    async applyErasure(plan: ErasurePlan): Promise<void> {
      for (const step of plan.anonymise) await payload.update({ collection: step.collection as 'leads', id: toRelation(step.id), data: step.data as never, ...base, select: {} })
      for (const step of plan.delete) await payload.delete({ collection: step.collection as 'leads', id: toRelation(step.id), ...base, select: {} }).catch((error: unknown) => {
        // Already gone (an earlier, interrupted erasure): the plan's end state holds.
        if ((error as { status?: number })?.status !== 404) throw error
      })
      await this.audit(plan.audit)
    },
  }
}

