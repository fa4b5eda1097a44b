import type { Payload, Where } from 'payload'

import type { LeadRef, NewLead } from '../../functions/lead-intake/intake'
import { isDuplicateKeyError, isTransientTransactionError } from '../mongo/duplicate-key'

/** The fields whose unique indexes keep one lead per person on MongoDB (cms/mongo/indexes.ts). */
export const LEAD_KEY_FIELDS = ['email', 'phone'] as const

const ATTEMPTS = 5

/**
 * Runs `create`; when a unique index refuses it because another process stored the same key a
 * moment before, answers with that process's record instead (`winner`). On a replica set each
 * create is a transaction, and one that meets another's uncommitted insert of the same key fails
 * with a transient write conflict instead: then the winner is looked for again, and the create
 * tried again after a short wait (MongoDB's advice for TransientTransactionError), a few times.
 * Any other failure, or a duplicate whose winner cannot be read (deleted meanwhile), is thrown as it came.
 * @example await createOrJoin(() => create(lead), () => oldestLead(lead.email), ['email'])
 */
export async function createOrJoin<T>(
  create: () => Promise<T>,
  winner: () => Promise<T | null>,
  fields: readonly string[],
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create()
    } catch (error) {
      const duplicate = isDuplicateKeyError(error, fields)
      if (!duplicate && !(isTransientTransactionError(error) && attempt < ATTEMPTS)) throw error
      const found = await winner()
      if (found !== null) return found
      if (duplicate) throw error
      await wait(5 * 2 ** attempt)
    }
  }
}

/** Where a new lead's person is looked up: by email, or by phone when there is no email (as cms/intake/sqlite-store.ts does). */
export function personWhere(lead: Pick<NewLead, 'email' | 'phone'>): Where | null {
  if (lead.email) return { email: { equals: lead.email } }
  if (lead.phone) return { phone: { equals: lead.phone } }
  return null
}

/**
 * Creates the lead of a person not stored yet, or finds the one another process created since
 * this one looked: on MongoDB the unique indexes refuse a second lead for one email (or phone),
 * and the refused request attaches to the first. On SQLite's Local API path (used for submissions
 * with files) requests of one process are serialised by the caller; the SQL store needs neither.
 */
export async function createLeadOnce(payload: Payload, lead: NewLead): Promise<LeadRef> {
  const where = personWhere(lead)
  return createOrJoin(
    async () => ({
      id: (await payload.create({ collection: 'leads', data: { ...lead, status: 'new' } as never, depth: 0, select: { email: true } })).id,
    }),
    async () => {
      if (!where) return null
      const doc = (await payload.find({ collection: 'leads', where, limit: 1, depth: 0, sort: 'createdAt', select: { email: true } }))
        .docs[0]
      return doc ? { id: doc.id } : null
    },
    LEAD_KEY_FIELDS,
  )
}
