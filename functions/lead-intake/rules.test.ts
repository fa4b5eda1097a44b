import { describe, expect, it } from 'vitest'

import { normalizeEmail, normalizePhone } from './normalize'
import { routeLead, type Route, type RoutingRule } from './routing'
import { scoreSpam, type SpamInput } from './spam'

describe('normalize', () => {
  it.each([
    ['138 0013 8000', '+8613800138000'],
    ['+86 138-0013-8000', '+8613800138000'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['021 5888 0000', '02158880000'],
    ['12345', null],
    ['call me', null],
    ['1'.repeat(20), null],
  ])('phone %s is %s', (input, expected) => expect(normalizePhone(input)).toBe(expected))
  it('lower-cases and trims emails but keeps +tags', () => expect(normalizeEmail(' Li+News@Example.COM ')).toBe('li+news@example.com'))
})

describe('routeLead', () => {
  const rules: RoutingRule[] = [
    { field: 'region', value: 'south', recipient: 'south@x.co' },
    { field: 'product', value: 'cloud', team: 7 },
    { field: 'product', value: 'box', team: { id: 8 }, recipient: 'box@x.co' },
    { field: 'empty', value: 'rule' },
    { channel: 'wechat', recipient: 'wechat@x.co' },
    { channel: 'douyin', team: '9' },
  ]
  it.each<[Record<string, unknown>, string | null, Route]>([
    [{ region: 'South' }, null, { recipient: 'south@x.co' }],
    [{ region: ['north', 'south'] }, 'wechat', { recipient: 'south@x.co' }],
    [{ region: 'north' }, 'WeChat', { recipient: 'wechat@x.co' }],
    [{ region: 'north' }, 'weibo', { recipient: 'default@x.co' }],
    [{}, null, { recipient: 'default@x.co' }],
    [{ product: 'Cloud' }, 'wechat', { team: 7 }],
    [{ product: ['box'] }, null, { team: 8 }],
    [{ region: 'south', product: 'cloud' }, null, { recipient: 'south@x.co' }],
    [{ empty: 'rule' }, 'douyin', { team: '9' }],
    [{ empty: 'rule' }, null, { recipient: 'default@x.co' }],
    [{ region: null, product: 7 }, 'x', { recipient: 'default@x.co' }],
  ])('%j from %s goes to %j', (values, channel, expected) => expect(routeLead(rules, 'default@x.co', values, channel)).toEqual(expected))
})

describe('scoreSpam', () => {
  const ok: SpamInput = { texts: ['Hello, we need a new website.'], honeypot: '', elapsedMs: 10_000, minSecondsToSubmit: 3 }
  it.each<[string, Partial<SpamInput>, { score: number; reasons: string[]; isSpam: boolean }]>([
    ['a person', {}, { score: 0, reasons: [], isSpam: false }],
    ['a filled honeypot', { honeypot: 'x' }, { score: 100, reasons: ['honeypot filled'], isSpam: true }],
    ['a fast submit', { elapsedMs: 500 }, { score: 60, reasons: ['submitted too fast'], isSpam: true }],
    ['four links', { texts: ['http://a http://b www.c https://d'] }, { score: 40, reasons: ['4 links'], isSpam: false }],
    ['spam words', { texts: ['Best casino 博彩'] }, { score: 60, reasons: ['known spam phrases'], isSpam: true }],
    ['unknown render time', { elapsedMs: null }, { score: 0, reasons: [], isSpam: false }],
  ])('%s', (_, change, expected) => expect(scoreSpam({ ...ok, ...change })).toEqual(expected))
})
