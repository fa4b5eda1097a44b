import type { Where } from 'payload'

import { asLocale } from '../../functions/content/locales'
import { isConfirmed } from '../../functions/members/confirmed'
import type { Id } from '../../functions/members/records'
import type { MembersStore, StoredMember } from '../../functions/members/store'
import { leadStoreFor } from '../intake/lead-store'
import { asRecord, type MembersDb, toRelation } from './records'

/** A member's leads, submissions and touches: what the account pages show and data rights export. */
export function memberLeadsStore({ payload, base }: MembersDb) {
  const store = {
    findOrCreateLead: (person) => leadStoreFor(payload).findOrCreateLead(person),
    async linkLead(lead: Id, member: Id, now: Date): Promise<void> {
      await payload.update({
        collection: 'leads',
        id: toRelation(lead),
        data: { member: toRelation(member), becameMemberAt: now.toISOString() },
        ...base,
        select: {},
      })
    },
    async submissionsOfLead(lead: Id, locale: string): Promise<Record<string, unknown>[]> {
      const { docs } = await payload.find({
        collection: 'submissions',
        where: { lead: { equals: lead } },
        sort: '-createdAt',
        limit: 200,
        depth: 1,
        overrideAccess: true,
        locale: asLocale(locale),
        select: { form: true, values: true, createdAt: true, lead: true },
      })
      // The store contract hands submissions on as plain records; generated interfaces have no index signature.
      return docs as unknown as Record<string, unknown>[]
    },
    async leadStatus(lead: Id): Promise<string | null> {
      const doc = await payload.findByID({
        collection: 'leads',
        id: toRelation(lead),
        ...base,
        disableErrors: true,
        select: { status: true },
      })
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
      return (await payload.find({ collection: 'leads', where: { or }, ...base, limit: 50 })).docs.map(asRecord)
    },
    async submissionsOfLeads(leads: Id[]): Promise<Record<string, unknown>[]> {
      if (!leads.length) return []
      return (
        await payload.find({ collection: 'submissions', where: { lead: { in: leads } }, ...base, depth: 1, limit: 1000, pagination: false })
      ).docs.map(asRecord)
    },
    async touchesOf(leads: Id[], visitor: string | null): Promise<Record<string, unknown>[]> {
      const or: Where[] = []
      if (leads.length) or.push({ lead: { in: leads } })
      if (visitor) or.push({ visitor: { equals: visitor } })
      if (!or.length) return []
      return (await payload.find({ collection: 'touches', where: { or }, ...base, limit: 5000, pagination: false, sort: 'at' })).docs.map(
        asRecord,
      )
    },
    /** The visitor's latest arrival through a member's referral link, if any. */
    async referralCodeOfVisitor(visitor: string): Promise<string | null> {
      const doc = (
        await payload.find({
          collection: 'touches',
          where: { and: [{ visitor: { equals: visitor } }, { referralCode: { exists: true } }] },
          sort: '-at',
          limit: 1,
          ...base,
        })
      ).docs[0]
      return (doc?.referralCode as string | undefined) ?? null
    },
  } satisfies Partial<MembersStore>
  return store
}
