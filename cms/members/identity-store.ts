import type { Payload } from 'payload'

import type { IdentityKind, IdentityStore, NewMemberWithoutEmail } from '../../functions/members/identities'
import type { Id } from '../../functions/members/records'
import { DuplicateError, type StoredMember } from '../../functions/members/store'
import { placeholderEmail } from '../../functions/phone/mailbox'
import { idOf, isUniqueViolation, toRelation } from './records'
import { membersStore } from './store'

/**
 * The confirmed identities of members (member-identities): who owns a phone number or a WeChat
 * account. Kept apart from cms/members/store.ts so that phone and WeChat sign-in add no weight there.
 */
export function identityStore(payload: Payload): IdentityStore {
  const base = { depth: 0, overrideAccess: true } as const
  const members = membersStore(payload)

  return {
    /** The member who owns `key`, or null. */
    async ownerOf(key: string): Promise<Id | null> {
      const doc = (await payload.find({ collection: 'member-identities', where: { key: { equals: key } }, limit: 1, ...base })).docs[0]
      return doc ? idOf(doc.member) : null
    },
    /** The keys a member owns, oldest first. */
    async identitiesOf(member: Id): Promise<{ id: Id; key: string; kind: IdentityKind; verifiedAt: string }[]> {
      const { docs } = await payload.find({
        collection: 'member-identities',
        where: { member: { equals: member } },
        sort: 'createdAt',
        limit: 50,
        ...base,
      })
      return docs.map((d) => ({ id: d.id, key: d.key, kind: d.kind, verifiedAt: d.verifiedAt }))
    },
    /**
     * Gives `key` to `member`: 'added' (or already theirs), 'taken' when another member owns it. The
     * unique index decides a race between two members: never both, never a merge.
     */
    async claim(key: string, kind: IdentityKind, member: Id, now: Date): Promise<'added' | 'taken'> {
      const owner = await this.ownerOf(key)
      if (owner !== null) return String(owner) === String(member) ? 'added' : 'taken'
      try {
        await payload.create({
          collection: 'member-identities',
          data: { key, kind, member: toRelation(member) as number, verifiedAt: now.toISOString() },
          ...base,
          select: {},
        })
        return 'added'
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        return String(await this.ownerOf(key)) === String(member) ? 'added' : 'taken'
      }
    },
    /** Gives `key` back when it is `member`'s (a join that could not be finished); another member's key is never touched. */
    async release(key: string, member: Id): Promise<void> {
      await payload.delete({
        collection: 'member-identities',
        where: { and: [{ key: { equals: key } }, { member: { equals: member } }] },
        ...base,
      })
    },
    /** A member with no email yet (a placeholder address, see functions/phone/mailbox.ts) and no password. */
    async createMemberWithoutEmail(data: NewMemberWithoutEmail): Promise<StoredMember> {
      try {
        const doc = await payload.create({
          collection: 'members',
          data: {
            ...data,
            email: placeholderEmail(),
            preferredLanguage: data.preferredLanguage as 'zh-CN' | 'en',
            referredBy: data.referredBy === null ? null : (toRelation(data.referredBy) as number),
            firstTouch: data.firstTouch as Record<string, unknown>,
            lastTouch: data.lastTouch as Record<string, unknown>,
          },
          ...base,
          select: {},
        })
        const member = await members.memberById(doc.id)
        if (!member) throw new Error('The member just created cannot be read back.')
        return member
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateError('referral code taken')
        throw error
      }
    },
    /** Deletes a member created a moment ago that lost the race for its number (it owns nothing yet). */
    async dropFreshMember(id: Id): Promise<void> {
      await payload.delete({ collection: 'members', id: toRelation(id), ...base, select: {} })
    },
  }
}
