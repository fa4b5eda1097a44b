// Issue 11, item 11: two site processes redeeming at once cannot spend the same points twice.
// Each "process" reads the ledger and plans its spend before either writes, as two processes
// would; the store must refuse the second in the database, whatever each planned.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { planEntry } from '../../functions/members/points'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let store: ReturnType<typeof import('../../cms/members/store').membersStore>

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  store = (await import('../../cms/members/store')).membersStore(payload)
})
afterAll(async () => cleanup?.())

async function memberWith(points: number, email: string) {
  const member = await store.createMember({
    email,
    passwordHash: 'x',
    name: null,
    preferredLanguage: 'en',
    referralCode: `R${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    visitor: null,
    firstTouch: null,
    lastTouch: null,
    referredBy: null,
  })
  expect(
    await store.appendPoints(member.id, {
      kind: 'earn',
      reason: 'sign-up',
      points,
      at: new Date().toISOString(),
      ref: `member:${member.id}`,
    }),
  ).toBe(true)
  return member
}

describe('points redemption is atomic in the database', () => {
  it('two redemptions planned on the same balance: one is spent, the other refused, the balance stays at zero', async () => {
    const member = await memberWith(100, 'racer@example.com')
    const ledger = await store.ledgerOf(member.id)
    const plans = ['reward:1:a', 'reward:1:b'].map((ref) =>
      planEntry(ledger, { kind: 'spend', reason: 'reward', points: 100, ref }, { now: new Date() }),
    )
    expect(plans.map((p) => p.ok)).toEqual([true, true])
    const results = await Promise.all(plans.map((p) => (p.ok ? store.appendPoints(member.id, p.entry, 'Tea set') : false)))
    expect(results.sort()).toEqual([false, true])
    const after = await store.ledgerOf(member.id)
    expect([after.length, after.reduce((sum, e) => sum + e.points, 0)]).toEqual([2, 0])
  })

  it('ten racing redemptions of 30 from 100 points: exactly three are spent', async () => {
    const member = await memberWith(100, 'crowd@example.com')
    const ledger = await store.ledgerOf(member.id)
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const plan = planEntry(ledger, { kind: 'spend', reason: 'reward', points: 30, ref: `reward:2:${i}` }, { now: new Date() })
        return plan.ok ? store.appendPoints(member.id, plan.entry) : Promise.resolve(false)
      }),
    )
    expect(results.filter(Boolean)).toHaveLength(3)
    expect((await store.ledgerOf(member.id)).reduce((sum, e) => sum + e.points, 0)).toBe(10)
  })

  it('earning and a spend within the balance still append, and a duplicate (reason, ref) is refused', async () => {
    const member = await memberWith(50, 'steady@example.com')
    const spend = { kind: 'spend' as const, reason: 'reward' as const, points: -50, at: new Date().toISOString(), ref: 'reward:3:x' }
    expect(await store.appendPoints(member.id, spend)).toBe(true)
    expect(await store.appendPoints(member.id, spend)).toBe(false)
    expect((await store.ledgerOf(member.id)).map((e) => [e.reason, e.points, e.ref])).toEqual([
      ['sign-up', 50, `member:${member.id}`],
      ['reward', -50, 'reward:3:x'],
    ])
  })
})
