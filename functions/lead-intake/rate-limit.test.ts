import { describe, expect, it } from 'vitest'

import { createRateLimiter } from './rate-limit'

describe('createRateLimiter', () => {
  it('allows a burst of the limit, then refuses with the wait until the next one', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 })
    expect([0, 1, 2].map(() => limiter.hit('ip:a', 1000).allowed)).toEqual([true, true, true])
    expect(limiter.hit('ip:a', 1000)).toEqual({ allowed: false, retryAfterMs: 20_000 })
    expect(limiter.hit('ip:b', 1000).allowed).toBe(true)
    expect(limiter.hit('ip:a', 21_000)).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(limiter.hit('ip:a', 21_000).allowed).toBe(false)
  })
  it('forgets the least recently seen keys beyond its bound, erring towards allowing', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 })
    limiter.hit('a', 0)
    limiter.hit('b', 0)
    limiter.hit('c', 0)
    expect(limiter.hit('a', 0).allowed).toBe(true)
    expect(limiter.hit('c', 0).allowed).toBe(false)
  })
})
