import { describe, expect, it } from 'vitest'

import { createMemoryThrottleStore, createSignInGuard } from './throttle'
import { throttleAddress } from './throttle-address'

function clock() {
  let now = Date.parse('2026-03-03T10:00:00.000Z')
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) }
}

describe('throttleAddress', () => {
  it.each<[unknown, string | null]>([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['203.000.113.007', '203.0.113.7'],
    ['2001:db8:0:1:abcd::7', '2001:db8:0:1::/64'],
    ['2001:db8:0:1:ffff:ffff:ffff:ffff', '2001:db8:0:1::/64'],
    ['2001:DB8:0000:0001::', '2001:db8:0:1::/64'],
    ['[2001:db8::1]', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['0:0:0:0:0:ffff:cb00:7107', '203.0.113.7'],
    ['64:ff9b::203.0.113.7', '64:ff9b:0:0::/64'],
    ['256.0.0.1', null],
    ['1.2.3', null],
    ['1.2.3.4.5', null],
    ['2001:db8::1::2', null],
    ['2001:db8:0:1:2:3:4:5:6', null],
    ['2001:db8:0:1:2:3:4', null],
    ['2001:db8:0:1:2:3:4::5', null],
    ['12345::1', null],
    ['::ffff:999.0.0.1', null],
    ['g::1', null],
    ['localhost', null],
    ['', null],
    ['__proto__', null],
    ['1'.repeat(10_240), null],
    [null, null],
    [['203.0.113.7'], null],
  ])('counts %j as %j', (ip, expected) => {
    expect(throttleAddress(ip)).toBe(expected)
  })

  it('puts two addresses of one /64 in one bucket', async () => {
    const time = clock()
    const guard = createSignInGuard({ store: createMemoryThrottleStore({ now: time.now }), now: time.now })
    for (let i = 1; i <= 50; i++)
      await guard.passwordFailed({ ip: throttleAddress(`2001:db8:0:1::${i.toString(16)}`)!, account: `p${i}@example.com` })
    expect(await guard.checkPassword({ ip: throttleAddress('2001:db8:0:1:ffff::9')!, account: 'q@example.com' })).toMatchObject({
      allowed: false,
      scope: 'ip',
    })
    expect(await guard.checkPassword({ ip: throttleAddress('2001:db8:0:2::1')!, account: 'q@example.com' })).toEqual({ allowed: true })
  })
})
