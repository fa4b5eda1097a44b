import { serialize } from '../../functions/concurrency/serialize'
import type { CodePurpose, CodeRecord } from '../../functions/members/one-time-code'
import type { Id } from '../../functions/members/records'
import type { MembersStore, StoredCode } from '../../functions/members/store'
import { asRecord, type MembersDb, toRelation } from './records'

/** One-time codes: issued by the code jobs, verified and counted by compare-and-set. */
export function codesStore({ payload, sqlite, base, findOne }: MembersDb) {
  const store = {
    async codeOf(subject: string, purpose: CodePurpose): Promise<StoredCode | null> {
      const doc = await findOne('member-codes', { and: [{ subject: { equals: subject } }, { purpose: { equals: purpose } }] })
      if (!doc) return null
      return {
        id: doc.id as Id,
        record: (doc.record as CodeRecord | null) ?? null,
        version: Number(doc.version ?? 0),
        requestId: (doc.requestId as string | null) ?? null,
        newEmail: (doc.newEmail as string | null) ?? null,
      }
    },
    /** Stores a newly issued code (the job that mails it). */
    async saveIssuedCode(
      subject: string,
      purpose: CodePurpose,
      record: CodeRecord,
      extra: { requestId: string; newEmail?: string | null },
    ): Promise<void> {
      await serialize(`code:${subject}:${purpose}`, async () => {
        const existing = await store.codeOf(subject, purpose)
        const data = { subject, purpose, record: asRecord(record), requestId: extra.requestId, newEmail: extra.newEmail ?? null }
        if (existing)
          await payload.update({
            collection: 'member-codes',
            id: toRelation(existing.id),
            data: { ...data, version: existing.version + 1 },
            ...base,
            select: {},
          })
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
        const result = await sqlite.execute({
          sql: 'UPDATE member_codes SET record = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
          args: [JSON.stringify(record), new Date().toISOString(), Number(code.id), code.version],
        })
        return result.rowsAffected === 1
      }
      // Other adapters: the check and the write are two steps, serialised within this process.
      return serialize(`code-id:${code.id}`, async () => {
        const now = await payload.findByID({ collection: 'member-codes', id: toRelation(code.id), ...base, disableErrors: true })
        if (!now || Number(now.version ?? 0) !== code.version) return false
        await payload.update({
          collection: 'member-codes',
          id: toRelation(code.id),
          data: { record: asRecord(record), version: code.version + 1 },
          ...base,
          select: {},
        })
        return true
      })
    },
  } satisfies Partial<MembersStore>
  return store
}
