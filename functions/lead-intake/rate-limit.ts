/** The answer for one request: allowed, or how long to wait. */
export interface RateDecision {
  allowed: boolean
  retryAfterMs: number
}

/** Counts requests per key and says when a key has used up its allowance. */
export interface RateLimiter {
  hit(key: string, now: number): RateDecision
}

/**
 * A token bucket per key: `limit` requests per `windowMs`, refilled continuously, so a burst of
 * `limit` is allowed and then one more every windowMs/limit. Memory is bounded by `maxKeys`
 * (the oldest keys are forgotten first, which only ever errs on the side of allowing).
 * @example createRateLimiter({ limit: 2, windowMs: 60_000 }).hit('ip:1', Date.now()) // { allowed: true, retryAfterMs: 0 }
 */
export function createRateLimiter({ limit, windowMs, maxKeys = 50_000 }: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>()
  const perMs = limit / windowMs
  return {
    hit(key, now) {
      const known = buckets.get(key)
      const tokens = known ? Math.min(limit, known.tokens + (now - known.at) * perMs) : limit
      // Re-inserting keeps the Map in least-recently-used order for the eviction below.
      buckets.delete(key)
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!)
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at: now })
        return { allowed: true, retryAfterMs: 0 }
      }
      buckets.set(key, { tokens, at: now })
      return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) }
    },
  }
}
