import type { Payload } from 'payload'

import type { ThrottleStore } from '../../functions/members/throttle'
import { mongoCollection } from '../mongo/collection'
import { isDuplicateKeyError } from '../mongo/duplicate-key'
import { compareAndSetThrottleStore } from './compare-and-set-store'

/** A counter as stored in the throttle-counters collection (cms/collections/members/ThrottleCounters.ts). */
export interface CounterDocument {
  counterKey: string
  /** The state as JSON text, as SQLite keeps it: any JSON survives, whatever its keys. */
  state: string
  version: number
  /** Milliseconds since the epoch, what reads compare (the TTL monitor runs only once a minute). */
  expiresAt: number
  /** The same instant as a date, for the TTL index (cms/mongo/indexes.ts), which deletes the document after it. */
  purgeAt: Date
}

/**
 * The brute-force counters on MongoDB, shared by every site process: each write is one atomic
 * command on one document. A new key is inserted by an upsert that sets fields only on insert, so
 * it never overwrites a counter another process inserted first (the unique index on counterKey
 * turns two simultaneous inserts into one, and the loser's E11000 into a retry); a change is a
 * findOneAndUpdate that matches the version it read and increments it (`$inc`), so a change made
 * meanwhile by another process makes it match nothing and retry.
 * @example throttleStoreFor(payload) // picks this store when DATABASE_URI is mongodb://…
 */
export function mongoThrottleStore(payload: Payload, now: () => Date = () => new Date()): ThrottleStore {
  const counters = mongoCollection<CounterDocument>(payload, 'throttle-counters')
  return compareAndSetThrottleStore(
    {
      async read(key) {
        const doc = await counters.findOne({ counterKey: key }, { projection: { _id: 0, state: 1, version: 1, expiresAt: 1 } })
        if (!doc) return null
        const live = Number(doc.expiresAt) > now().getTime()
        return { state: live && typeof doc.state === 'string' ? (JSON.parse(doc.state) as unknown) : null, version: Number(doc.version) }
      },
      async insert(key, state, expiresAt) {
        try {
          const result = await counters.updateOne(
            { counterKey: key },
            // The key comes from the filter's equality; the rest is set only when this inserts.
            { $setOnInsert: { state: JSON.stringify(state), version: 0, expiresAt, purgeAt: new Date(expiresAt) } },
            { upsert: true },
          )
          return result.upsertedCount === 1
        } catch (error) {
          // Another process inserted this key between our upsert's match and its insert: read it and try again.
          if (isDuplicateKeyError(error, ['counterKey'])) return false
          throw error
        }
      },
      async replace(key, version, state, expiresAt) {
        const updated = await counters.findOneAndUpdate(
          { counterKey: key, version },
          { $set: { state: JSON.stringify(state), expiresAt, purgeAt: new Date(expiresAt) }, $inc: { version: 1 } },
          { projection: { _id: 1 } },
        )
        return updated !== null
      },
      remove: async (key, version) => (await counters.deleteOne({ counterKey: key, version })).deletedCount === 1,
    },
    now,
  )
}
