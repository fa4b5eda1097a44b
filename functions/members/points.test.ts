import { describe, expect, it } from 'vitest'

import { balanceOf, planEntry, type PointsEntry, type PointsRequest, summarizeLedger, type Tier, tierFor, tierPointsOf } from './points'

const now = new Date('2026-03-03T10:00:00.000Z')
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString()
let refs = 0
const entry = (e: Partial<PointsEntry>): PointsEntry => ({
  kind: 'earn',
  reason: 'editor-grant',
  points: 10,
  at: hoursAgo(48),
  ref: `grant:old-${refs++}`,
  ...e,
})
const tiers: Tier[] = [
  { name: 'Gold', minPoints: 1000, benefits: ['Free shipping', 'Early access'] },
  { name: 'Member', minPoints: 0, benefits: [] },
  { name: 'Silver', minPoints: 300, benefits: ['Free shipping'] },
]
const signUp = entry({ reason: 'sign-up', points: 100, ref: 'member:7' })

describe('balance and tier', () => {
  const ledger = [
    signUp,
    entry({ points: 400 }),
    entry({ kind: 'spend', reason: 'reward', points: -250, ref: 'redemption:1' }),
    entry({ kind: 'adjust', points: -50, ref: 'fix:1' }),
  ]

  it('sums the balance, and tier points without spending', () => {
    expect(balanceOf(ledger)).toBe(200)
    expect(tierPointsOf(ledger)).toBe(450)
    expect(balanceOf([])).toBe(0)
  })

  it('ignores amounts that are not whole numbers', () => {
    // Deliberately a string amount: the ledger's JSON is not trusted.
    expect(balanceOf([signUp, entry({ points: Number.NaN }), entry({ points: '5' as unknown as number }), entry({ points: 1.5 })])).toBe(
      100,
    )
  })

  it.each<[number, string | null]>([
    [-1, null],
    [0, 'Member'],
    [299, 'Member'],
    [300, 'Silver'],
    [999, 'Silver'],
    [1000, 'Gold'],
    [1e9, 'Gold'],
  ])('%i points reach %s', (points, name) => {
    expect(tierFor(points, tiers)?.name ?? null).toBe(name)
  })

  it('skips tiers it cannot read', () => {
    const broken = [
      { name: '', minPoints: 0, benefits: [] },
      { name: 'NaN', minPoints: Number.NaN, benefits: [] },
      { name: 'Negative', minPoints: -5, benefits: [] },
      // Deliberately a missing tier among the settings' tiers.
      null as unknown as Tier,
    ]
    expect(tierFor(10, broken)).toBeNull()
    expect(tierFor(10, [])).toBeNull()
  })

  it('summarises a ledger: spending does not demote', () => {
    expect(summarizeLedger(ledger, tiers)).toEqual({
      balance: 200,
      tierPoints: 450,
      tier: { name: 'Silver', minPoints: 300, benefits: ['Free shipping'] },
      nextTier: { name: 'Gold', minPoints: 1000, benefits: ['Free shipping', 'Early access'] },
      pointsToNextTier: 550,
      referrals: 0,
    })
  })

  it('summarises the top tier and referrals', () => {
    const referrals = [1, 2, 3].map((i) => entry({ reason: 'referral-member', points: 400, ref: `member:${i}` }))
    expect(summarizeLedger(referrals, tiers)).toMatchObject({
      balance: 1200,
      tier: { name: 'Gold' },
      nextTier: null,
      pointsToNextTier: null,
      referrals: 3,
    })
  })
})

describe('planEntry', () => {
  const plan = (ledger: PointsEntry[], request: Partial<PointsRequest>, cap?: number) =>
    planEntry(ledger, { kind: 'earn', reason: 'editor-grant', points: 10, ref: 'grant:1', ...request }, { now, referralDailyCap: cap })

  it.each<[string, Partial<PointsRequest>, PointsEntry]>([
    [
      'sign-up points for another member',
      { reason: 'sign-up', points: 100, ref: 'member:8' },
      { kind: 'earn', reason: 'sign-up', points: 100, at: '2026-03-03T10:00:00.000Z', ref: 'member:8' },
    ],
    [
      'a spend as a negative entry',
      { kind: 'spend', reason: 'reward', points: 100, ref: 'redemption:3' },
      { kind: 'spend', reason: 'reward', points: -100, at: '2026-03-03T10:00:00.000Z', ref: 'redemption:3' },
    ],
    [
      'a correction down',
      { kind: 'adjust', points: -100, ref: 'fix:2' },
      { kind: 'adjust', reason: 'editor-grant', points: -100, at: '2026-03-03T10:00:00.000Z', ref: 'fix:2' },
    ],
    [
      'a __proto__ ref',
      { ref: '__proto__' },
      { kind: 'earn', reason: 'editor-grant', points: 10, at: '2026-03-03T10:00:00.000Z', ref: '__proto__' },
    ],
  ])('writes %s', (_, request, expected) => {
    expect(plan([signUp], request)).toEqual({ ok: true, entry: expected })
  })

  it.each<[string, Partial<PointsRequest>]>([
    ['a spend for sign-up', { kind: 'spend', reason: 'sign-up' }],
    ['an earn for a reward', { kind: 'earn', reason: 'reward' }],
    ['an adjusted referral', { kind: 'adjust', reason: 'referral-member' }],
    ['an unknown reason', { reason: 'lottery' as PointsRequest['reason'] }],
    ['a prototype reason', { reason: '__proto__' as PointsRequest['reason'] }],
    ['zero points', { points: 0 }],
    ['a fraction', { points: 1.5 }],
    ['a negative earn', { points: -10 }],
    ['a negative spend', { kind: 'spend', reason: 'reward', points: -10 }],
    ['a huge amount', { points: 1_000_001 }],
    // Deliberately a string amount, as an unchecked request could give.
    ['a string amount', { points: '10' as unknown as number }],
    ['NaN', { points: Number.NaN }],
    ['Infinity', { points: Number.POSITIVE_INFINITY }],
    ['an empty ref', { ref: '  ' }],
    ['a 10 KB ref', { ref: 'x'.repeat(10_240) }],
    // Deliberately an object ref (a query operator), as an unchecked request could give.
    ['a ref that is not a string', { ref: { $ne: null } as unknown as string }],
  ])('refuses %s as invalid', (_, request) => {
    expect(plan([signUp], request)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('credits a (reason, ref) once', () => {
    expect(plan([signUp], { reason: 'sign-up', points: 100, ref: 'member:7' })).toEqual({
      ok: false,
      reason: 'duplicate',
      existing: signUp,
    })
    const referral = entry({ reason: 'referral-member', points: 200, ref: 'member:9' })
    expect(plan([referral], { reason: 'referral-member', points: 200, ref: 'member:9' })).toEqual({
      ok: false,
      reason: 'duplicate',
      existing: referral,
    })
    expect(plan([referral], { reason: 'referral-member', points: 200, ref: 'member:10' }).ok).toBe(true)
  })

  it('refuses to spend beyond the balance, and corrections below zero', () => {
    expect(plan([signUp], { kind: 'spend', reason: 'reward', points: 101, ref: 'redemption:1' })).toEqual({
      ok: false,
      reason: 'not-enough-points',
      balance: 100,
    })
    expect(plan([signUp], { kind: 'spend', reason: 'reward', points: 100, ref: 'redemption:1' }).ok).toBe(true)
    expect(plan([], { kind: 'spend', reason: 'reward', points: 1, ref: 'redemption:1' })).toEqual({
      ok: false,
      reason: 'not-enough-points',
      balance: 0,
    })
    expect(plan([signUp], { kind: 'adjust', points: -101, ref: 'fix:1' })).toEqual({ ok: false, reason: 'not-enough-points', balance: 100 })
  })

  it('credits at most 10 referrals in any 24 hours', () => {
    const referrals = (hours: number[]) =>
      hours.map((h, i) => entry({ reason: 'referral-member', points: 200, ref: `member:${i}`, at: hoursAgo(h) }))
    const request = { reason: 'referral-member' as const, points: 200, ref: 'member:new' }
    expect(plan(referrals([23, 22, 20, 18, 10, 5, 4, 3, 2]), request).ok).toBe(true)
    // The 11th in a day waits until the oldest of the ten is a day old.
    expect(plan(referrals([23, 22, 20, 18, 10, 5, 4, 3, 2, 1]), request)).toEqual({
      ok: false,
      reason: 'daily-cap',
      retryAfterMs: 3_600_000,
    })
    expect(plan(referrals([25, 24, 22, 20, 18, 10, 5, 4, 3, 2]), request).ok).toBe(true)
    expect(plan(referrals([1, 1, 1]), request, 3)).toEqual({ ok: false, reason: 'daily-cap', retryAfterMs: 23 * 3_600_000 })
    expect(plan([], request, 0)).toEqual({ ok: false, reason: 'daily-cap', retryAfterMs: 24 * 3_600_000 })
    // Other reasons are not capped.
    expect(plan(referrals(Array(20).fill(1)), { points: 5, ref: 'grant:x' }).ok).toBe(true)
  })
})
