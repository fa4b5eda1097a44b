import type { ThrottleStore } from '../members/throttle'

/** The answer for one request: allowed, or how long to wait. */
export interface RateDecision {
  allowed: boolean
  retryAfterMs: number
}

/** Counts requests per key and says when a key has used up its allowance. */
export interface RateLimiter {
  hit(key: string, now: number): RateDecision | Promise<RateDecision>
}

/** `limit` requests per `windowMs`. */
export interface RatePolicy {
  limit: number
  windowMs: number
}

/** One key's bucket: the tokens left and when they were counted. JSON, so any store can keep it. */
export interface Bucket {
  tokens: number
  at: number
}

/**
 * Spends one token of a bucket refilled continuously at `limit` per `windowMs`: a burst of `limit`
 * is allowed, then one more every windowMs/limit. Returns the bucket to keep and the decision.
 * @example spendToken(null, 0, { limit: 2, windowMs: 60_000 }) // { bucket: { tokens: 1, at: 0 }, decision: { allowed: true,
 *   retryAfterMs: 0 } }
 */
export function spendToken(
  known: Bucket | null | undefined,
  now: number,
  { limit, windowMs }: RatePolicy,
): { bucket: Bucket; decision: RateDecision } {
  const perMs = limit / windowMs
  const valid = known && typeof known.tokens === 'number' && typeof known.at === 'number'
  const tokens = valid ? Math.min(limit, known.tokens + Math.max(0, now - known.at) * perMs) : limit
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, at: now }, decision: { allowed: true, retryAfterMs: 0 } }
  return { bucket: { tokens, at: now }, decision: { allowed: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) } }
}

/**
 * A token bucket per key in this process's memory: for one process and for tests. Memory is
 * bounded by `maxKeys` (the oldest keys are forgotten first, which only ever errs on the side of allowing).
 * @example createRateLimiter({ limit: 2, windowMs: 60_000 }).hit('ip:1', Date.now()) // { allowed: true, retryAfterMs: 0 }
 */
export function createRateLimiter({ limit, windowMs, maxKeys = 50_000 }: RatePolicy & { maxKeys?: number }): {
  hit(key: string, now: number): RateDecision
} {
  const buckets = new Map<string, Bucket>()
  return {
    hit(key, now) {
      const { bucket, decision } = spendToken(buckets.get(key), now, { limit, windowMs })
      // Re-inserting keeps the Map in least-recently-used order for the eviction below.
      buckets.delete(key)
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!)
      buckets.set(key, bucket)
      return decision
    },
  }
}

/** A count as soon as its decision is known: `decision` from the bucket as read, `stored` once the count is kept (its final decision). */
export interface PendingCount {
  decision: RateDecision
  stored: Promise<RateDecision>
}

/**
 * The same token bucket kept in a ThrottleStore (the database's throttle counters), so that every
 * site process counts against one allowance. `keyOf` turns a key into the one stored (a keyed hash:
 * the table holds no address or email).
 *
 * `count` answers as soon as the bucket is read, while the count is still being stored: the caller
 * can do its other work meanwhile and wait for `stored` before it keeps or answers anything. Its
 * final decision differs from the first only when another process changed the bucket in between
 * (the store then reads again): a burst from one address across site processes.
 * @example createStoredRateLimiter({ store, limit: 30, windowMs: 600_000, keyOf: (k) => hash(k) })
 */
export function createStoredRateLimiter({
  store,
  limit,
  windowMs,
  keyOf = (key) => key,
}: RatePolicy & { store: ThrottleStore; keyOf?: (key: string) => string }): {
  hit(key: string, now: number): Promise<RateDecision>
  count(key: string, now: number): Promise<PendingCount>
} {
  const count = async (key: string, now: number): Promise<PendingCount> => {
    let decision: RateDecision = { allowed: true, retryAfterMs: 0 }
    let announce: ((first: RateDecision) => void) | null = null
    const early = new Promise<RateDecision>((resolve) => (announce = resolve))
    const stored = store
      .update(
        keyOf(key),
        (state) => {
          const spent = spendToken(state as Bucket | null, now, { limit, windowMs })
          decision = spent.decision
          // The first decision is the one answered early; a store that reads again decides again.
          announce?.(decision)
          announce = null
          return spent.bucket
        },
        windowMs,
      )
      .then(() => decision)
    // Awaited by the caller, who may not need it once the first decision refused.
    stored.catch(() => undefined)
    return { decision: await Promise.race([early, stored]), stored }
  }
  return {
    count,
    hit: async (key, now) => (await count(key, now)).stored,
  }
}
