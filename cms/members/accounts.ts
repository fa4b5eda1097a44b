import { isLocale } from '../../functions/content/locales'
import type { Id } from '../../functions/members/records'
import { DuplicateError, type MembersStore, type StoredMember } from '../../functions/members/store'
import { isUniqueViolation, jsonField, memberOf, type MembersDb, toRelation } from './records'

/** Members' accounts: found by email, id or referral code; created and changed under the unique indexes. */
export function accountsStore({ payload, base, findOne }: MembersDb) {
  const store = {
    async memberByEmail(email: string): Promise<StoredMember | null> {
      const doc = await findOne('members', { email: { equals: email } })
      return doc ? memberOf(doc) : null
    },
    async memberById(id: Id): Promise<StoredMember | null> {
      const doc = await payload.findByID({
        collection: 'members',
        id: toRelation(id),
        ...base,
        showHiddenFields: true,
        disableErrors: true,
      })
      return doc ? memberOf(doc) : null
    },
    async memberByReferralCode(code: string): Promise<StoredMember | null> {
      const doc = await findOne('members', { referralCode: { equals: code } })
      return doc ? memberOf(doc) : null
    },
    async createMember(data: {
      email: string
      passwordHash: string
      name: string | null
      preferredLanguage: string
      referralCode: string
      visitor: string | null
      firstTouch: unknown
      lastTouch: unknown
      referredBy: Id | null
    }): Promise<StoredMember> {
      try {
        const doc = await payload.create({
          collection: 'members',
          data: {
            ...data,
            firstTouch: jsonField(data.firstTouch),
            lastTouch: jsonField(data.lastTouch),
            preferredLanguage: isLocale(data.preferredLanguage) ? data.preferredLanguage : null,
            referredBy: data.referredBy === null ? null : toRelation(data.referredBy),
          },
          ...base,
          showHiddenFields: true,
        })
        return memberOf(doc)
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateError('email or referral code taken')
        throw error
      }
    },
    async updateMember(id: Id, data: Record<string, unknown>): Promise<StoredMember> {
      try {
        const doc = await payload.update({
          collection: 'members',
          id: toRelation(id),
          data: data,
          ...base,
          showHiddenFields: true,
        })
        return memberOf(doc)
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateError('email taken')
        throw error
      }
    },
    async referredCount(id: Id): Promise<number> {
      return (await payload.count({ collection: 'members', where: { referredBy: { equals: id } }, overrideAccess: true })).totalDocs
    },
  } satisfies Partial<MembersStore>
  return store
}
