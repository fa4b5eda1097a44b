import { describe, expect, it } from 'vitest'

import { scoreSpam, type SpamInput } from './spam'

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
