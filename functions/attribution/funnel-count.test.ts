import { describe, expect, it } from 'vitest'

import type { GroupCount } from './funnel'
import { countConversions, countVisits, type FunnelTouch, touchGroupKey } from './funnel-count'

// Counts come in no particular order: sort by key, none last, to compare.
const sorted = (counts: GroupCount[]) => [...counts].sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key)))

describe('touchGroupKey', () => {
  it.each([
    [{ channel: 'wechat', campaign: 'spring', campaignLink: 'poster' }, 'channel', 'wechat'],
    [{ channel: 'wechat', campaign: 'spring', campaignLink: 'poster' }, 'campaign', 'spring'],
    [{ channel: 'wechat', campaign: 'spring', campaignLink: 'poster' }, 'link', 'poster'],
    ['{"channel":"weibo","campaign":"春季"}', 'campaign', '春季'],
    [{ channel: 'wechat', campaign: '' }, 'campaign', null],
    [{ channel: 'wechat' }, 'link', null],
    [{ channel: 42 }, 'channel', null],
    [{ channel: ['wechat'] }, 'channel', null],
    [null, 'channel', null],
    [undefined, 'channel', null],
    ['not json', 'channel', null],
    ['"wechat"', 'channel', null],
    [[{ channel: 'wechat' }], 'channel', null],
    [JSON.parse('{"__proto__":{"channel":"wechat"}}'), 'channel', null],
    [Object.create({ channel: 'inherited' }), 'channel', null],
  ] as const)('%o by %s is %s', (touch, group, expected) => {
    expect(touchGroupKey(touch, group)).toBe(expected)
  })
})

// v1 came first by WeChat before the range and again by Weibo inside it; v2's first touch ever is in
// the range (Weibo), then direct; v3 arrives twice at the same instant (the lower id wins the tie); one
// touch has no visitor id (an erased member's) and is no visitor.
const inRange: FunnelTouch[] = [
  { id: 5, visitor: 'v1', at: '2026-03-05T10:00:00.000Z', channel: 'weibo', campaign: 'launch' },
  { id: 7, visitor: 'v2', at: '2026-03-10T10:00:00.000Z', channel: 'direct' },
  { id: 6, visitor: 'v2', at: '2026-03-06T10:00:00.000Z', channel: 'weibo', campaign: 'launch' },
  { id: 9, visitor: 'v3', at: '2026-03-08T10:00:00.000Z', channel: 'email' },
  { id: 8, visitor: 'v3', at: '2026-03-08T10:00:00.000Z', channel: 'wechat', campaignLink: 'poster' },
  { id: 10, visitor: null, at: '2026-03-09T10:00:00.000Z', channel: 'search' },
]

describe('countVisits', () => {
  it('first touch: new visitors under their first touch, returning visitors left out', () => {
    expect(sorted(countVisits(inRange, { model: 'first', group: 'channel', returning: new Set(['v1']) }))).toEqual([
      { key: 'wechat', count: 1 },
      { key: 'weibo', count: 1 },
    ])
  })

  it('last touch: every visitor once, under their latest touch in the range', () => {
    expect(sorted(countVisits(inRange, { model: 'last', group: 'channel', returning: new Set(['v1']) }))).toEqual([
      { key: 'direct', count: 1 },
      { key: 'email', count: 1 },
      { key: 'weibo', count: 1 },
    ])
  })

  it('groups by campaign and link, with none for touches without one', () => {
    expect(sorted(countVisits(inRange, { model: 'first', group: 'campaign' }))).toEqual([
      { key: 'launch', count: 2 },
      { key: null, count: 1 },
    ])
    expect(sorted(countVisits(inRange, { model: 'first', group: 'link' }))).toEqual([
      { key: 'poster', count: 1 },
      { key: null, count: 2 },
    ])
  })

  it('counts nothing for no touches', () => {
    expect(countVisits([], { model: 'first', group: 'channel' })).toEqual([])
  })
})

describe('countConversions', () => {
  const leads = [
    { firstTouch: { channel: 'wechat', campaign: 'spring' }, lastTouch: { channel: 'search' }, status: 'won' },
    { firstTouch: { channel: 'wechat' }, lastTouch: { channel: 'wechat' }, status: 'new' },
    { firstTouch: '{"channel":"weibo"}', lastTouch: '{"channel":"search"}', status: 'won' },
    { firstTouch: null, lastTouch: null, status: 'lost' },
  ]

  it('credits each lead to its first touch', () => {
    const { count, won } = countConversions(leads, { model: 'first', group: 'channel' })
    expect(sorted(count)).toEqual([
      { key: 'wechat', count: 2 },
      { key: 'weibo', count: 1 },
      { key: null, count: 1 },
    ])
    expect(sorted(won)).toEqual([
      { key: 'wechat', count: 1 },
      { key: 'weibo', count: 1 },
    ])
  })

  it('credits each lead to its last touch', () => {
    const { count, won } = countConversions(leads, { model: 'last', group: 'channel' })
    expect(sorted(count)).toEqual([
      { key: 'search', count: 2 },
      { key: 'wechat', count: 1 },
      { key: null, count: 1 },
    ])
    expect(won).toEqual([{ key: 'search', count: 2 }])
  })

  it('counts members, who have no status, without any won', () => {
    expect(countConversions([{ firstTouch: { channel: 'x' } }], { model: 'first', group: 'channel' })).toEqual({
      count: [{ key: 'x', count: 1 }],
      won: [],
    })
  })
})
