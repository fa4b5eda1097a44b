import { describe, expect, it } from 'vitest'

import { createMemoryThrottleStore } from '../members/throttle'
import { parsePhone, type PhoneNumber } from './phone-number'
import { budgetDay, createSmsGuard } from './sms-guard'

const phone = (text: string): PhoneNumber => {
  const parsed = parsePhone(text)
  if (!parsed.ok) throw new Error(`not a number: ${text}`)
  return parsed.phone
}

function setup(options: { dailyBudget?: number } = {}) {
  let clock = new Date('2026-12-01T03:00:00Z')
  const now = () => clock
  const store = createMemoryThrottleStore({ now })
  const guard = createSmsGuard({ store, now, ...options })
  return { guard, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) }
}

describe('createSmsGuard', () => {
  it('allows ten texts an hour from one address, then refuses with the wait', async () => {
    const { guard, advance } = setup()
    for (let i = 0; i < 10; i++)
      expect(await guard.requestText({ phone: phone(`1390000${String(i).padStart(4, '0')}`), address: 'a' })).toEqual({
        allowed: true,
        budgetReached: false,
      })
    advance(60_000)
    expect(await guard.requestText({ phone: phone('13911110000'), address: 'a' })).toEqual({
      allowed: false,
      scope: 'address',
      retryAfterMs: 59 * 60_000,
    })
    expect(await guard.requestText({ phone: phone('13911110000'), address: 'b' })).toEqual({ allowed: true, budgetReached: false })
  })

  it('limits one block of numbers across addresses (pumping walks a range)', async () => {
    const { guard } = setup()
    for (let i = 0; i < 20; i++)
      expect((await guard.requestText({ phone: phone(`1380013${String(i).padStart(4, '0')}`), address: `ip${i}` })).allowed).toBe(true)
    expect(await guard.requestText({ phone: phone('13800139999'), address: 'fresh' })).toEqual({
      allowed: false,
      scope: 'prefix',
      retryAfterMs: 60 * 60_000,
    })
    expect((await guard.requestText({ phone: phone('13800149999'), address: 'fresh' })).allowed).toBe(true)
  })

  it('limits one number to ten texts a day from any address', async () => {
    const { guard, advance } = setup()
    for (let i = 0; i < 10; i++) {
      expect((await guard.requestText({ phone: phone('13700000001'), address: `ip${i}` })).allowed).toBe(true)
      advance(7 * 60_000)
    }
    expect(await guard.requestText({ phone: phone('13700000001'), address: 'other' })).toEqual({
      allowed: false,
      scope: 'number',
      retryAfterMs: 24 * 60 * 60_000 - 70 * 60_000,
    })
  })

  it('a refusal by one limit counts against no other', async () => {
    const { guard } = setup()
    for (let i = 0; i < 10; i++) await guard.requestText({ phone: phone(`1360000${String(i).padStart(4, '0')}`), address: 'busy' })
    for (let i = 0; i < 5; i++) expect((await guard.requestText({ phone: phone('13500000000'), address: 'busy' })).allowed).toBe(false)
    expect(await guard.today()).toEqual({ sent: 10, budget: 500 })
    expect((await guard.requestText({ phone: phone('13500000000'), address: 'calm' })).allowed).toBe(true)
  })

  it('stops at the daily budget, says so once, and starts again at midnight China time', async () => {
    const { guard, advance } = setup({ dailyBudget: 3 })
    const results = []
    for (let i = 0; i < 5; i++) results.push(await guard.requestText({ phone: phone(`1330000000${i}`), address: `ip${i}` }))
    expect(results).toEqual([
      { allowed: true, budgetReached: false },
      { allowed: true, budgetReached: false },
      { allowed: true, budgetReached: true },
      { allowed: false, scope: 'budget', retryAfterMs: 13 * 60 * 60_000 },
      { allowed: false, scope: 'budget', retryAfterMs: 13 * 60 * 60_000 },
    ])
    expect(await guard.today()).toEqual({ sent: 3, budget: 3 })
    advance(13 * 60 * 60_000)
    expect(await guard.requestText({ phone: phone('13300000009'), address: 'next-day' })).toEqual({ allowed: true, budgetReached: false })
  })
})

describe('budgetDay', () => {
  it.each([
    ['2026-12-01T15:59:59.000Z', '2026-12-01', 1000],
    ['2026-12-01T16:00:00.000Z', '2026-12-02', 24 * 60 * 60_000],
    ['2026-12-01T03:00:00.000Z', '2026-12-01', 13 * 60 * 60_000],
  ])('%s is %s in China, ending in %i ms', (at, day, endsInMs) => expect(budgetDay(new Date(at))).toEqual({ day, endsInMs }))
})
