import { describe, expect, it } from 'vitest'

import {
  ACCOUNT_DELAY_POLICY,
  accountDelayMs,
  checkDelay,
  checkWindow,
  createMemoryThrottleStore,
  createSignInGuard,
  recordDelayFailure,
  recordWindowEvent,
  type WindowState,
} from './throttle'

const t0 = Date.parse('2026-03-03T10:00:00.000Z')
const at = (ms: number) => new Date(t0 + ms)

function clock() {
  let now = t0
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) }
}

describe('sliding window', () => {
  const policy = { limit: 3, windowMs: 60_000 }

  it('allows the limit, then refuses until the oldest event leaves the window', () => {
    let state: WindowState | null = null
    for (const ms of [0, 10_000, 20_000]) {
      expect(checkWindow(state, at(ms), policy)).toEqual({ allowed: true, retryAfterMs: 0 })
      state = recordWindowEvent(state, at(ms), policy)
    }
    expect(state).toEqual({ events: [t0, t0 + 10_000, t0 + 20_000] })
    expect(checkWindow(state, at(30_000), policy)).toEqual({ allowed: false, retryAfterMs: 30_000 })
    expect(checkWindow(state, at(59_999), policy)).toEqual({ allowed: false, retryAfterMs: 1 })
    expect(checkWindow(state, at(60_000), policy)).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(recordWindowEvent(state, at(60_000), policy)).toEqual({ events: [t0 + 10_000, t0 + 20_000, t0 + 60_000] })
  })

  it('keeps no more than the limit', () => {
    let state: WindowState | null = null
    for (let i = 0; i < 10; i++) state = recordWindowEvent(state, at(i), policy)
    expect(state).toEqual({ events: [t0 + 7, t0 + 8, t0 + 9] })
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'events'],
    ['events that are not a list', { events: 'x' }],
    ['events that are not numbers', { events: ['a', null, {}, NaN] }],
    ['events in the future', { events: [t0 + 999_999, t0 + 999_999, t0 + 999_999] }],
    ['__proto__', JSON.parse('{"__proto__": {"events": [1, 2, 3]}}')],
  ])('reads %s as no events', (_, state) => {
    expect(checkWindow(state as WindowState, at(0), policy)).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(recordWindowEvent(state as WindowState, at(0), policy)).toEqual({ events: [t0] })
  })
})

describe('progressive delay', () => {
  it.each<[number, number]>([
    [0, 0],
    [1, 0],
    [3, 0],
    [4, 1000],
    [5, 2000],
    [6, 4000],
    [7, 8000],
    [8, 16_000],
    [9, 30_000],
    [50, 30_000],
    [1e9, 30_000],
  ])('after %i failures waits %i ms', (failures, delay) => {
    expect(accountDelayMs(failures, ACCOUNT_DELAY_POLICY)).toBe(delay)
  })

  it('refuses until the delay has passed, and forgets after an hour of quiet', () => {
    let state = null
    for (let i = 0; i < 5; i++) state = recordDelayFailure(state, at(0), ACCOUNT_DELAY_POLICY)
    expect(state).toEqual({ failures: 5, lastFailureAt: t0 })
    expect(checkDelay(state, at(500), ACCOUNT_DELAY_POLICY)).toEqual({ allowed: false, retryAfterMs: 1500 })
    expect(checkDelay(state, at(2000), ACCOUNT_DELAY_POLICY)).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(recordDelayFailure(state, at(3_599_999), ACCOUNT_DELAY_POLICY)).toEqual({ failures: 6, lastFailureAt: t0 + 3_599_999 })
    expect(recordDelayFailure(state, at(3_600_000), ACCOUNT_DELAY_POLICY)).toEqual({ failures: 1, lastFailureAt: t0 + 3_600_000 })
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'locked'],
    ['a state without numbers', { failures: '99', lastFailureAt: t0 }],
  ])('reads %s as no failures', (_, state) => {
    // Deliberately malformed stored states: the functions must read them as no failures.
    expect(checkDelay(state as Parameters<typeof checkDelay>[0], at(0), ACCOUNT_DELAY_POLICY)).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(recordDelayFailure(state as Parameters<typeof recordDelayFailure>[0], at(0), ACCOUNT_DELAY_POLICY)).toEqual({
      failures: 1,
      lastFailureAt: t0,
    })
  })
})

describe('createMemoryThrottleStore', () => {
  it('forgets a key after its time to live', async () => {
    const time = clock()
    const store = createMemoryThrottleStore({ now: time.now })
    await store.update('k', () => ({ n: 1 }), 1000)
    expect(await store.get('k')).toEqual({ n: 1 })
    time.advance(999)
    expect(await store.get('k')).toEqual({ n: 1 })
    time.advance(1)
    expect(await store.get('k')).toBeNull()
  })

  it('deletes a key set to null and keeps at most maxKeys', async () => {
    const store = createMemoryThrottleStore({ now: () => at(0), maxKeys: 2 })
    await store.update('a', () => 1, 1000)
    await store.update('b', () => 2, 1000)
    await store.update('c', () => 3, 1000)
    expect([await store.get('a'), await store.get('b'), await store.get('c'), store.size()]).toEqual([null, 2, 3, 2])
    await store.update('b', () => null, 1000)
    expect([await store.get('b'), store.size()]).toEqual([null, 1])
  })

  it('keeps __proto__ as an ordinary key', async () => {
    const store = createMemoryThrottleStore({ now: () => at(0) })
    await store.update('__proto__', () => ({ events: [] }), 1000)
    expect(await store.get('__proto__')).toEqual({ events: [] })
    expect(({} as Record<string, unknown>).events).toBeUndefined()
  })
})

describe('createSignInGuard', () => {
  function setup() {
    const time = clock()
    return { time, guard: createSignInGuard({ store: createMemoryThrottleStore({ now: time.now }), now: time.now }) }
  }
  const attacker = { ip: 'hash-of-attacker-ip', account: 'member@example.com' }
  const member = { ip: 'hash-of-member-ip', account: 'member@example.com' }

  it('throttles 50 fast wrong passwords from one address, while the member signs in by code elsewhere and by password within 30 s', async () => {
    const { time, guard } = setup()
    const answers: string[] = []
    // The attacker sends 50 passwords for one account, one request every 100 ms.
    for (let i = 0; i < 50; i++) {
      const gate = await guard.checkPassword(attacker)
      answers.push(gate.allowed ? 'checked' : `refused:${gate.scope}`)
      if (gate.allowed) await guard.passwordFailed(attacker)
      time.advance(100)
    }
    // Checked at 0, 100, 200 and 300 ms (three failures cost nothing), then after 1 s and 2 s delays; the rest refused.
    expect(answers.map((a, i) => (a === 'checked' ? i * 100 : null)).filter((ms) => ms !== null)).toEqual([0, 100, 200, 300, 1300, 3300])
    expect(answers.filter((a) => a === 'refused:account')).toHaveLength(44)

    // Another address meets the same delay, never longer than 30 seconds.
    const delayed = await guard.checkPassword(member)
    expect(delayed).toEqual({ allowed: false, scope: 'account', retryAfterMs: 3300 + 4000 - 5000 })
    time.advance(30_000)
    expect(await guard.checkPassword(member)).toEqual({ allowed: true })
    await guard.passwordSucceeded(member)
    expect(await guard.checkPassword(member)).toEqual({ allowed: true })

    // Code sign-in keeps its own counters, from any address.
    expect(await guard.requestCode(member)).toEqual({ allowed: true })
    expect(await guard.checkCode(member)).toEqual({ allowed: true })
    expect(await guard.checkCode(attacker)).toEqual({ allowed: true })
  })

  it('throttles one address spreading 50 wrong passwords over many accounts, not the member elsewhere', async () => {
    const { time, guard } = setup()
    for (let i = 0; i < 50; i++) {
      expect(await guard.checkPassword({ ip: attacker.ip, account: `person${i}@example.com` })).toEqual({ allowed: true })
      await guard.passwordFailed({ ip: attacker.ip, account: `person${i}@example.com` })
      time.advance(100)
    }
    expect(await guard.checkPassword(attacker)).toEqual({ allowed: false, scope: 'ip', retryAfterMs: 15 * 60_000 - 5000 })
    expect(await guard.checkPassword(member)).toEqual({ allowed: true })
    expect(await guard.checkCode(member)).toEqual({ allowed: true })
  })

  it('refuses the 51st wrong password from one address for exactly the rest of the window', async () => {
    const { time, guard } = setup()
    for (let i = 0; i < 50; i++) await guard.passwordFailed({ ip: 'x', account: `person${i}@example.com` })
    time.advance(60_000)
    expect(await guard.checkPassword({ ip: 'x', account: 'fresh@example.com' })).toEqual({
      allowed: false,
      scope: 'ip',
      retryAfterMs: 14 * 60_000,
    })
    time.advance(14 * 60_000)
    expect(await guard.checkPassword({ ip: 'x', account: 'fresh@example.com' })).toEqual({ allowed: true })
  })

  it('delays an account three failures in, with the same answer for any address', async () => {
    const { guard } = setup()
    for (let i = 0; i < 3; i++) await guard.passwordFailed({ ip: `ip${i}`, account: 'nobody@example.com' })
    expect(await guard.checkPassword({ ip: 'ip9', account: 'nobody@example.com' })).toEqual({ allowed: true })
    await guard.passwordFailed({ ip: 'ip3', account: 'nobody@example.com' })
    expect(await guard.checkPassword({ ip: 'ip9', account: 'nobody@example.com' })).toEqual({
      allowed: false,
      scope: 'account',
      retryAfterMs: 1000,
    })
  })

  it('limits wrong codes per address', async () => {
    const { guard } = setup()
    for (let i = 0; i < 30; i++) await guard.codeFailed({ ip: 'x' })
    expect(await guard.checkCode({ ip: 'x' })).toEqual({ allowed: false, scope: 'ip', retryAfterMs: 15 * 60_000 })
    expect(await guard.checkCode({ ip: 'y' })).toEqual({ allowed: true })
    expect(await guard.checkPassword({ ip: 'x', account: 'a@example.com' })).toEqual({ allowed: true })
  })

  it('limits requests for codes per address, counting only those let through', async () => {
    const { time, guard } = setup()
    for (let i = 0; i < 20; i++) expect(await guard.requestCode({ ip: 'x' })).toEqual({ allowed: true })
    time.advance(1000)
    expect(await guard.requestCode({ ip: 'x' })).toEqual({ allowed: false, scope: 'ip', retryAfterMs: 3_599_000 })
    time.advance(3_599_000)
    expect(await guard.requestCode({ ip: 'x' })).toEqual({ allowed: true })
  })
})
