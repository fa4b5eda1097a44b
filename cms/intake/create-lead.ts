import type { Where } from 'payload'

import type { NewLead } from '../../functions/lead-intake/intake'
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
