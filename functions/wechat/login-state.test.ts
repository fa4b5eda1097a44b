import { describe, expect, it } from 'vitest'

import { createMemoryThrottleStore } from '../members/throttle'
import { createLoginState, LOGIN_STATE_TTL_MS, type LoginIntent, LoginStateError, openLoginState } from './login-state'

const NOW = new Date('2026-12-01T04:00:00Z')
const SECRET = 'test-secret'
const intent: LoginIntent = { app: 'mp', scope: 'snsapi_base', member: null, profile: false, next: '/account', locale: 'zh-CN' }

const open = (
  state: string | null,
  cookie: string | null,
  now = NOW,
  store = createMemoryThrottleStore({ now: () => now }),
  secret = SECRET,
) =>
  openLoginState(state, cookie, { secret, store, now }).then(
    (value) => value,
    (error: unknown) => (error instanceof LoginStateError ? error.reason : String(error)),
  )

describe('the WeChat sign-in state', () => {
  it('is 64 hex digits (WeChat allows [a-zA-Z0-9], 128 bytes) and opens once, with the cookie it was made for', async () => {
    const { state, cookie } = createLoginState(intent, { secret: SECRET, now: NOW })
    expect(state).toMatch(/^[0-9a-f]{64}$/)
    const store = createMemoryThrottleStore({ now: () => NOW })
    expect(await open(state, cookie, NOW, store)).toEqual(intent)
    expect(await open(state, cookie, NOW, store)).toBe('used')
  })

  it('opens until ten minutes have passed, not after', async () => {
    const { state, cookie } = createLoginState(intent, { secret: SECRET, now: NOW })
    expect(await open(state, cookie, new Date(NOW.getTime() + LOGIN_STATE_TTL_MS - 1000))).toEqual(intent)
    expect(await open(state, cookie, new Date(NOW.getTime() + LOGIN_STATE_TTL_MS))).toBe('expired')
  })

  it.each<[string, (s: { state: string; cookie: string }) => [string | null, string | null, string?], string]>([
    ['no cookie', ({ state }) => [state, null], 'no-cookie'],
    ['no state', ({ cookie }) => [null, cookie], 'forged'],
    ['a state of the wrong shape', ({ cookie }) => ['STATE', cookie], 'forged'],
    ['another browser’s cookie', ({ state }) => [state, createLoginState(intent, { secret: SECRET, now: NOW }).cookie], 'forged'],
    ['a later expiry written into the state', ({ state, cookie }) => [`${state.slice(0, 24)}ffffffff${state.slice(32)}`, cookie], 'forged'],
    [
      'another member written into the cookie',
      ({ state, cookie }) => [
        state,
        `${Buffer.from(JSON.stringify({ ...intent, member: '7' })).toString('base64url')}.${cookie.split('.')[1]}`,
      ],
      'forged',
    ],
    ['a state made with another secret', ({ state, cookie }) => [state, cookie, 'other-secret'], 'forged'],
  ])('refuses %s', async (_, change, reason) => {
    const [state, cookie, secret] = change(createLoginState(intent, { secret: SECRET, now: NOW }))
    expect(await open(state, cookie, NOW, undefined, secret)).toBe(reason)
  })
})
