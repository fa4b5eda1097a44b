import { describe, expect, it } from 'vitest'

import type { Activity } from './activity'
import { countVisits, crossesThreshold, ruleMatches, scoreActivity, type ScoringHistory, type ScoringRule } from './scoring'

const rule = (over: Partial<ScoringRule>): ScoringRule => ({
  id: 1,
  name: 'Rule',
  event: 'page-view',
  path: null,
  category: null,
  form: null,
  visits: null,
  withinDays: null,
  points: 5,
  decayDays: null,
  ...over,
})
const view = (over: Partial<Activity> = {}): Activity => ({
  id: 9,
  lead: 3,
  visitor: null,
  kind: 'page-view',
  at: '2026-03-01T10:00:00.000Z',
  path: '/blog/a',
  categories: ['brand'],
  form: null,
  ref: null,
  locale: null,
  ...over,
})
const history = (times: number[] = [], last: number | null = null): ScoringHistory => ({
  viewTimes: () => times,
  lastFired: () => last,
  fired: () => {},
})

describe('scoring rules', () => {
  it('match page views by category, exact path, prefix, and the localised path of the same page', () => {
    expect(ruleMatches(rule({ category: 'brand' }), view())).toBe(true)
    expect(ruleMatches(rule({ category: 'news' }), view())).toBe(false)
    expect(ruleMatches(rule({ path: '/blog/*' }), view())).toBe(true)
    expect(ruleMatches(rule({ path: '/pricing' }), view({ path: '/en/pricing' }))).toBe(true)
    expect(ruleMatches(rule({ path: '/pricing' }), view({ path: '/pricing-old' }))).toBe(false)
    expect(ruleMatches(rule({ event: 'form-submitted', form: '4' }), view({ kind: 'form-submitted', form: '4' }))).toBe(true)
    expect(ruleMatches(rule({ event: 'form-submitted', form: '4' }), view({ kind: 'form-submitted', form: '5' }))).toBe(false)
    expect(ruleMatches(rule({ event: 'download' }), view({ kind: 'form-submitted' }))).toBe(false)
  })

  it('give each matching rule’s points with a reason, negative points too, and an expiry for decaying rules', () => {
    const changes = scoreActivity(
      [rule({ name: 'Brand', category: 'brand', decayDays: 7 }), rule({ id: 2, name: 'Careers', path: '/blog/a', points: -3 })],
      view(),
      history(),
    )
    expect(changes).toEqual([
      {
        lead: 3,
        rule: 1,
        points: 5,
        reason: 'Brand (+5): read /blog/a (brand)',
        activity: 9,
        at: '2026-03-01T10:00:00.000Z',
        expiresAt: '2026-03-08T10:00:00.000Z',
      },
      {
        lead: 3,
        rule: 2,
        points: -3,
        reason: 'Careers (-3): read /blog/a (brand)',
        activity: 9,
        at: '2026-03-01T10:00:00.000Z',
        expiresAt: null,
      },
    ])
    expect(scoreActivity([rule({})], view({ lead: null }), history())).toEqual([])
  })

  it('count visits as runs of views less than 30 minutes apart, and fire a visits rule once per window', () => {
    const at = Date.parse('2026-03-01T10:00:00.000Z')
    const hour = 3_600_000
    expect(countVisits([at, at + 60_000, at + hour, at + 3 * hour])).toBe(3)
    const regular = rule({ event: 'visits', visits: 3, withinDays: 7, points: 8 })
    const times = [at - 2 * 86_400_000, at - 86_400_000, at]
    expect(scoreActivity([regular], view(), history(times)).map((c) => c.reason)).toEqual(['Rule (+8): 3 visits in 7 days'])
    expect(scoreActivity([regular], view(), history(times, at - 86_400_000))).toEqual([])
    expect(scoreActivity([regular], view(), history(times.slice(1)))).toEqual([])
  })

  it('crosses the threshold only upwards, and never without one', () => {
    expect(crossesThreshold(15, 20, 20)).toBe(true)
    expect(crossesThreshold(20, 25, 20)).toBe(false)
    expect(crossesThreshold(25, 15, 20)).toBe(false)
    expect(crossesThreshold(0, 100, null)).toBe(false)
  })
})
