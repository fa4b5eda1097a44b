import { describe, expect, it } from 'vitest'

import type { ThrottleStore } from '../members/throttle'
import { createRateLimiter, createStoredRateLimiter } from './rate-limit'

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

describe('createStoredRateLimiter', () => {
  /** A store whose writes wait until released, and that may find the bucket changed and read it again. */
  function slowStore(states: unknown[]) {
    let release = () => {}
    const written = new Promise<void>((resolve) => (release = resolve))
    const store: ThrottleStore = {
      get: async () => null,
      update: async (_key, change) => {
        for (const state of states) change(state)
        await written
      },
    }
    return { store, release }
  }
  const policy = { limit: 2, windowMs: 60_000 }

  it('answers the decision as soon as the bucket is read, and the count once it is stored', async () => {
    const { store, release } = slowStore([{ tokens: 1.5, at: 0 }])
    const pending = await createStoredRateLimiter({ store, ...policy }).count('ip:a', 0)
    expect(pending.decision).toEqual({ allowed: true, retryAfterMs: 0 })
    let stored = false
    void pending.stored.then(() => (stored = true))
    await Promise.resolve()
    expect(stored).toBe(false)
    release()
    expect(await pending.stored).toEqual({ allowed: true, retryAfterMs: 0 })
  })

  it('stores the decision of the last read when another process changed the bucket in between', async () => {
    const { store, release } = slowStore([
      { tokens: 1.5, at: 0 },
      { tokens: 0, at: 0 },
    ])
    const pending = await createStoredRateLimiter({ store, ...policy }).count('ip:a', 0)
    expect(pending.decision.allowed).toBe(true)
    release()
    expect(await pending.stored).toEqual({ allowed: false, retryAfterMs: 30_000 })
  })

  it('fails the count when the store fails', async () => {
    const store: ThrottleStore = { get: async () => null, update: async () => Promise.reject(new Error('database is locked')) }
    await expect(createStoredRateLimiter({ store, ...policy }).count('ip:a', 0)).rejects.toThrow('database is locked')
  })
})
