import type { CreateIndexesOptions, IndexSpecification } from 'mongodb'
import type { CollectionSlug, Payload } from 'payload'

import { mongoCollection } from './collection'

/** An index this product needs on MongoDB beyond those Payload declares from field configs. */
export interface MongoIndex {
  collection: CollectionSlug
  key: IndexSpecification
  options: CreateIndexesOptions & { name: string }
  /** What to tell the operator when the index cannot be built over the documents already stored. */
  whenRefused: string
}

/**
 * The indexes behind the guarantees the SQLite path keeps in SQL:
 * - One lead per person across processes. Intake creates a lead for an email (or, without one, a
 *   phone) only if none exists (cms/intake/sqlite-store.ts does it in one statement); here two
 *   processes may both look and both create, and the unique index refuses the second (E11000),
 *   which then reads the winner (cms/intake/lead-store.ts, the one findOrCreateLead of intake and
 *   members alike; a member whose person's lead is another member's gets none rather than a second
 *   one, functions/members/member-lead.ts). Erased leads have no email
 *   or phone and leave both indexes (`$type: 'string'` is the partial filter every server accepts).
 * - Throttle counters shared by every process: one document per key (Payload declares the same
 *   unique index; built here too, awaited, because mongoose builds its own in the background and
 *   only logs a failure), and a TTL index so that MongoDB deletes a counter once its window is over.
 * - The funnel's first touch per visitor: its pipeline sorts each visitor's touches by time.
 */
export const MONGO_INDEXES: MongoIndex[] = [
  {
    collection: 'leads',
    key: { email: 1 },
    options: { name: 'one_lead_per_email', unique: true, partialFilterExpression: { email: { $type: 'string' } } },
    whenRefused: 'Two leads share an email address: merge them in the CMS, then start again.',
  },
  {
    collection: 'leads',
    key: { phone: 1, email: 1 },
    options: { name: 'one_lead_per_phone', unique: true, partialFilterExpression: { phone: { $type: 'string' } } },
    whenRefused: 'Two leads without an email share a phone number: merge them in the CMS, then start again.',
  },
  {
    collection: 'throttle-counters',
    key: { counterKey: 1 },
    options: { name: 'counterKey_1', unique: true },
    whenRefused:
      'Two throttle counters share a key: delete the throttle-counters collection (it holds only minutes of counts), then start again.',
  },
  // expireAfterSeconds 0: each document goes when the time in its purgeAt has passed.
  {
    collection: 'throttle-counters',
    key: { purgeAt: 1 },
    options: { name: 'throttle_counters_expire', expireAfterSeconds: 0 },
    whenRefused: 'Drop the index named throttle_counters_expire, then start again.',
  },
  {
    collection: 'touches',
    key: { visitor: 1, at: 1, _id: 1 },
    options: { name: 'funnel_touches_by_visitor' },
    whenRefused: 'Drop the index named funnel_touches_by_visitor, then start again.',
  },
]

/**
 * Builds the indexes above (a no-op for those already there) and fails the start, loudly, when one
 * cannot be built: without them two processes could each create a lead for one person.
 * @example await ensureMongoIndexes(payload) // in onInit, on every process's start
 */
export async function ensureMongoIndexes(payload: Payload, indexes: MongoIndex[] = MONGO_INDEXES): Promise<void> {
  for (const index of indexes) {
    try {
      await mongoCollection(payload, index.collection).createIndex(index.key, index.options)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new Error(`MongoDB refused the index ${index.options.name} on ${index.collection} (${reason}). ${index.whenRefused}`, {
        cause: error,
      })
    }
  }
}
