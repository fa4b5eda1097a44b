import type { Where } from 'payload'

import type { Id } from '../../functions/members/records'
import type { MembersStore, StoredMember, StoredSession } from '../../functions/members/store'
import { idOf, memberOf, type MembersDb, toRelation } from './records'

/** Members' sessions: created at sign-in, looked up on every signed-in request, revoked. */
export function sessionsStore({ payload, sqlite, base }: MembersDb, memberById: MembersStore['memberById']) {
  const store = {
    async createSession(data: {
      member: Id
      tokenHash: string
      userAgent: string
      ipHash: string
      now: Date
      expiresAt: Date
    }): Promise<Id> {
      const doc = await payload.create({
        collection: 'member-sessions',
        data: {
          member: toRelation(data.member),
          tokenHash: data.tokenHash,
          userAgent: data.userAgent,
          ipHash: data.ipHash,
          lastSeenAt: data.now.toISOString(),
          expiresAt: data.expiresAt.toISOString(),
        },
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
          sql: `SELECT s.id AS session_id, s.created_at AS session_created_at, s.last_seen_at, s.expires_at, s.user_agent,
                s.revoked_at, m.*,
                (SELECT json_group_array(r.topics_id)
                  FROM (SELECT topics_id FROM members_rels WHERE parent_id = m.id AND path = 'interests' ORDER BY "order") r
                ) AS interest_ids
              FROM member_sessions s JOIN members m ON m.id = s.member_id WHERE s.token_hash = ? LIMIT 1`,
          args: [tokenHash],
        })
        const row = found.rows[0] as Record<string, unknown> | undefined
        if (!row || row.revoked_at || !(Date.parse(String(row.expires_at)) > now.getTime()) || row.erased_at) return null
        const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null))
        const member = memberOf({
          id: Number(row.id),
          email: row.email,
          emailVerifiedAt: row.email_verified_at,
          passwordHash: row.password_hash,
          name: row.name,
          company: row.company,
          jobTitle: row.job_title,
          phone: row.phone,
          preferredLanguage: row.preferred_language,
          interests: (JSON.parse(String(row.interest_ids ?? '[]')) as unknown[]).filter((id) => id !== null).map(Number),
          referralCode: row.referral_code,
          referredBy: row.referred_by_id === null ? null : Number(row.referred_by_id),
          lead: row.lead_id === null ? null : Number(row.lead_id),
          visitor: row.visitor,
          firstTouch: json(row.first_touch),
          lastTouch: json(row.last_touch),
          erasedAt: row.erased_at,
          createdAt: row.created_at,
        })
        const session: StoredSession = {
          id: Number(row.session_id),
          member: member.id,
          createdAt: String(row.session_created_at),
          lastSeenAt: String(row.last_seen_at),
          expiresAt: String(row.expires_at),
          userAgent: (row.user_agent as string | null) ?? null,
          revokedAt: null,
        }
        return { session, member }
      }
      const doc = (await payload.find({ collection: 'member-sessions', where: { tokenHash: { equals: tokenHash } }, limit: 1, ...base }))
        .docs[0]
      if (!doc || doc.revokedAt || !(Date.parse(doc.expiresAt) > now.getTime())) return null
      const session: StoredSession = {
        id: doc.id,
        member: idOf(doc.member)!,
        createdAt: doc.createdAt,
        lastSeenAt: doc.lastSeenAt,
        expiresAt: doc.expiresAt,
        userAgent: doc.userAgent ?? null,
        revokedAt: null,
      }
      const member = await memberById(session.member)
      if (!member || member.erasedAt) return null
      return { session, member }
    },
    async touchSession(id: Id, now: Date, expiresAt: Date): Promise<void> {
      await payload.update({
        collection: 'member-sessions',
        id: toRelation(id),
        data: { lastSeenAt: now.toISOString(), expiresAt: expiresAt.toISOString() },
        ...base,
        select: {},
      })
    },
    async sessionsOf(member: Id, now: Date): Promise<StoredSession[]> {
      const { docs } = await payload.find({
        collection: 'member-sessions',
        where: {
          and: [{ member: { equals: member } }, { revokedAt: { exists: false } }, { expiresAt: { greater_than: now.toISOString() } }],
        },
        sort: '-lastSeenAt',
        limit: 100,
        ...base,
      })
      return docs.map((doc) => ({
        id: doc.id,
        member,
        createdAt: doc.createdAt,
        lastSeenAt: doc.lastSeenAt,
        expiresAt: doc.expiresAt,
        userAgent: doc.userAgent ?? null,
        revokedAt: doc.revokedAt ?? null,
      }))
    },
    /** Revokes the member's sessions matching `which` (one id, or all but one); another member's session is never matched. */
    async revokeSessions(member: Id, which: { only: Id } | { except: Id | null }, now: Date): Promise<number> {
      const scope: Where[] = [{ member: { equals: member } }, { revokedAt: { exists: false } }]
      if ('only' in which) scope.push({ id: { equals: which.only } })
      else if (which.except !== null) scope.push({ id: { not_equals: which.except } })
      const { docs } = await payload.update({
        collection: 'member-sessions',
        where: { and: scope },
        data: { revokedAt: now.toISOString() },
        ...base,
        select: {},
      })
      return docs.length
    },
  } satisfies Partial<MembersStore>
  return store
}
