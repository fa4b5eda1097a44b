import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStoredRateLimiter } from '../../functions/lead-intake/rate-limit'
import { checkWindow, recordWindowEvent, type ThrottleStore, type WindowPolicy, type WindowState } from '../../functions/members/throttle'
import { DATABASES, reportLeftOutDatabases, startPayloadOn } from './databases'

reportLeftOutDatabases()

const POLICY: WindowPolicy = { limit: 5, windowMs: 60_000 }
/** One counted attempt, as site/lib/account/guard.ts counts them: allowed while under the limit. */
async function attempt(store: ThrottleStore, key: string, now: Date): Promise<boolean> {
  let allowed = false
  await store.update(
    key,
    (state) => {
      allowed = checkWindow(state as WindowState | null, now, POLICY).allowed
      return allowed ? recordWindowEvent(state as WindowState | null, now, POLICY) : state
    },
    POLICY.windowMs,
  )
  return allowed
}

describe.each(DATABASES)('throttle counters shared through the database (%s)', (database) => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let storeFor: (now?: () => Date) => ThrottleStore

  beforeAll(async () => {
    ;({ payload, cleanup } = await startPayloadOn(database))
    const { throttleStoreFor } = await import('../../cms/members/throttle-store')
    // Each store stands for one site process: no memory shared but the database.
    storeFor = (now) => throttleStoreFor(payload, now)
  })
  afterAll(async () => cleanup?.())

  it('counts the attempts of two site processes against one limit', async () => {
    const now = new Date()
    const [a, b] = [storeFor(() => now), storeFor(() => now)]
    const answers = []
    for (let i = 0; i < 8; i++) answers.push(await attempt(i % 2 ? b : a, 'ip:shared', now))
    expect(answers).toEqual([true, true, true, true, true, false, false, false])
  })

  it('loses no count when many requests of two processes change one key at once', async () => {
    const [a, b] = [storeFor(), storeFor()]
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? b : a).update('count:race', (state) => ((state as number | null) ?? 0) + 1, 60_000)),
    )
    expect(await a.get('count:race')).toBe(40)
  })

  it('forgets a key when its window is over, and deletes it when the change says so', async () => {
    let clock = new Date('2026-03-03T10:00:00Z')
    const store = storeFor(() => clock)
    await store.update('ip:old', () => ({ n: 1 }), 1000)
    expect(await store.get('ip:old')).toEqual({ n: 1 })
    clock = new Date('2026-03-03T10:00:02Z')
    expect(await store.get('ip:old')).toBeNull()
    await store.update('ip:gone', () => ({ n: 1 }), 60_000)
    await store.update('ip:gone', () => null, 60_000)
    expect(await payload.count({ collection: 'throttle-counters', where: { counterKey: { equals: 'ip:gone' } } })).toMatchObject({
      totalDocs: 0,
    })
  })

  if (database === 'mongodb') {
    it('leaves expired counters to a TTL index on the date of their expiry', async () => {
      const { mongoCollection } = await import('../../cms/mongo/collection')
      const counters = mongoCollection(payload, 'throttle-counters')
      const indexes = await counters.indexes()
      expect(indexes.find((index) => index.name === 'throttle_counters_expire')).toMatchObject({
        key: { purgeAt: 1 },
        expireAfterSeconds: 0,
      })
      expect(indexes.find((index) => index.name === 'counterKey_1')).toMatchObject({ key: { counterKey: 1 }, unique: true })
      const clock = new Date('2026-03-03T10:00:00Z')
      await storeFor(() => clock).update('ip:ttl', () => ({ n: 1 }), 1000)
      expect(await counters.findOne({ counterKey: 'ip:ttl' }, { projection: { _id: 0 } })).toEqual({
        counterKey: 'ip:ttl',
        state: '{"n":1}',
        version: 0,
        expiresAt: clock.getTime() + 1000,
        purgeAt: new Date(clock.getTime() + 1000),
      })
    })
  }

  if (database === 'sqlite') {
    it('keeps one lead-intake allowance per address for two site processes: the 31st submission is refused in either', async () => {
      const now = Date.parse('2026-03-03T10:00:00Z')
      const policy = { limit: 30, windowMs: 10 * 60_000 }
      // Two limiters on two stores stand for the per-address limit of two site processes (site/lib/form-submit.ts).
      const [a, b] = [storeFor(), storeFor()].map((store) =>
        createStoredRateLimiter({ store, ...policy, keyOf: (address) => `intake-ip:${address}` }),
      )
      const decisions = []
      for (let i = 0; i < 32; i++) decisions.push(await (i % 2 ? b! : a!).hit('198.51.100.9', now))
      // The bucket refills one submission every 20 s, whichever process counts it.
      expect(decisions.map((d) => d.retryAfterMs)).toEqual([...Array(30).fill(0), 20_000, 20_000])
      expect(await b!.hit('198.51.100.9', now + 20_000)).toEqual({ allowed: true, retryAfterMs: 0 })
      expect(await a!.hit('198.51.100.9', now + 20_000)).toMatchObject({ allowed: false })
      // Another address has its own allowance.
      expect(await a!.hit('198.51.100.10', now)).toEqual({ allowed: true, retryAfterMs: 0 })
    })
  }
})
