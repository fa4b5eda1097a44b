import { describe, expect, it } from 'vitest'

import { createMemoryThrottleStore } from '../members/throttle'
import { createTokenCache, RENEW_BEFORE_MS } from './access-token'

function setup() {
  let clock = Date.parse('2026-12-01T04:00:00Z')
  const now = () => clock
  const store = createMemoryThrottleStore({ now: () => new Date(clock) })
  const fetched: string[] = []
  const fetchToken = async () => {
    const token = `token-${fetched.length + 1}`
    fetched.push(token)
    return { token, expiresIn: 7200 }
  }
  const cache = createTokenCache({ store, key: 'secret:wecom-token:t', fetchToken, now, pause: async () => {}, holder: 'p1' })
  return { cache, fetched, store, advance: (ms: number) => (clock += ms), now }
}

describe('the 企业微信 token cache', () => {
  it('keeps a token for its lifetime less five minutes, then fetches the next', async () => {
    const { cache, fetched, advance } = setup()
    expect(await cache.token()).toBe('token-1')
    advance(7200_000 - RENEW_BEFORE_MS - 1)
    expect(await cache.token()).toBe('token-1')
    advance(1)
    expect(await cache.token()).toBe('token-2')
    expect(fetched).toEqual(['token-1', 'token-2'])
  })

  it('drops a token said to be stale, but not one another process already replaced', async () => {
    const { cache, fetched } = setup()
    await cache.token()
    await cache.invalidate('token-1')
    expect(await cache.token()).toBe('token-2')
    await cache.invalidate('token-1')
    expect(await cache.token()).toBe('token-2')
    expect(fetched).toHaveLength(2)
  })

  it('waits while another process holds the fetch, and fetches itself when that lock runs out', async () => {
    const { store, now, advance } = setup()
    await store.update('secret:wecom-token:t', () => ({ token: null, expiresAt: 0, lock: { holder: 'p2', until: now() + 10_000 } }), 60_000)
    let pauses = 0
    const waiting = createTokenCache({
      store,
      key: 'secret:wecom-token:t',
      fetchToken: async () => ({ token: 'mine', expiresIn: 7200 }),
      now,
      pause: async () => void (++pauses === 3 && advance(10_000)),
      holder: 'p1',
    })
    expect(await waiting.token()).toBe('mine')
    expect(pauses).toBe(3)
  })

  it('lets the next caller try at once when gettoken fails', async () => {
    const { store, now } = setup()
    let calls = 0
    const flaky = createTokenCache({
      store,
      key: 'secret:wecom-token:t',
      fetchToken: async () => (++calls === 1 ? Promise.reject(new Error('down')) : { token: 'ok', expiresIn: 7200 }),
      now,
      pause: async () => {},
      holder: 'p1',
    })
    await expect(flaky.token()).rejects.toThrow('down')
    expect(await flaky.token()).toBe('ok')
  })
})
