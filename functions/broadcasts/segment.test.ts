import { describe, expect, it } from 'vitest'

import { hashAddress, selectRecipients } from './recipients'
import { compileSegment, type PersonFacts, segmentProblems, type SegmentRule } from './segment'

const base: PersonFacts = {
  key: 'm:1',
  email: 'ann@x.example',
  name: 'Ann',
  locale: 'en',
  memberId: '1',
  leadId: '7',
  subscribed: ['newsletter', 'events'],
  unsubscribed: [],
  tier: '2',
  points: 650,
  firstTouch: { channel: 'wechat', campaign: 'spring' },
  lastTouch: { channel: 'email', campaign: 'broadcast-3' },
  leadStatus: 'qualified',
  leadOwner: '5',
  forms: ['9'],
  since: '2026-02-01T00:00:00.000Z',
}

describe('compileSegment', () => {
  it.each<[SegmentRule, boolean]>([
    [{ kind: 'topic', topic: 'newsletter' }, true],
    [{ kind: 'topic', topic: 'webinars' }, false],
    [{ kind: 'tier', tier: '2' }, true],
    [{ kind: 'tier', tier: '3' }, false],
    [{ kind: 'locale', locale: 'en' }, true],
    [{ kind: 'locale', locale: 'zh-CN' }, false],
    [{ kind: 'touch', touch: 'first', channel: 'wechat' }, true],
    [{ kind: 'touch', touch: 'first', channel: 'wechat', campaign: 'autumn' }, false],
    [{ kind: 'touch', touch: 'last', campaign: 'broadcast-3' }, true],
    [{ kind: 'leadStatus', status: 'qualified' }, true],
    [{ kind: 'leadOwner', owner: '6' }, false],
    [{ kind: 'form', form: '9' }, true],
    [{ kind: 'since', since: '2026-01-15' }, true],
    [{ kind: 'since', since: '2026-03-01' }, false],
    [{ kind: 'points', above: 649 }, true],
    [{ kind: 'points', above: 650 }, false],
  ])('%j matches: %s', (rule, expected) => {
    expect(compileSegment({ match: 'all', rules: [rule] })(base)).toBe(expected)
  })

  it('combines with all or any, and a segment without rules matches nobody', () => {
    const rules: SegmentRule[] = [
      { kind: 'topic', topic: 'newsletter' },
      { kind: 'locale', locale: 'zh-CN' },
    ]
    expect(compileSegment({ match: 'all', rules })(base)).toBe(false)
    expect(compileSegment({ match: 'any', rules })(base)).toBe(true)
    expect(compileSegment({ match: 'any', rules: [] })(base)).toBe(false)
  })

  it('names every bad field of a segment, per rule', () => {
    expect(
      segmentProblems({ match: 'most', rules: [{ kind: 'points', above: -1 }, { kind: 'touch', touch: 'middle' }, { kind: 'colour' }] }),
    ).toEqual([
      { rule: -1, field: 'match', message: 'Choose "all" or "any".' },
      { rule: 0, field: 'above', message: 'Give a number of points, 0 or more.' },
      { rule: 1, field: 'touch', message: 'Choose the first or the last touch.' },
      { rule: 1, field: 'channel', message: 'Give a channel, a campaign or both.' },
      { rule: 2, field: 'kind', message: 'Choose what the rule looks at.' },
    ])
  })

  it('takes a relationship as the admin form and the database give it: a number id, a string id or a document', () => {
    const rules = [
      { kind: 'tier', tier: 2 },
      { kind: 'leadOwner', owner: '64f0c0ffee' },
      { kind: 'form', form: { id: 5 } },
    ]
    expect(segmentProblems({ match: 'all', rules })).toEqual([])
    expect(
      segmentProblems({
        match: 'all',
        rules: [
          { kind: 'tier', tier: null },
          { kind: 'form', form: { id: null } },
        ],
      }),
    ).toEqual([
      { rule: 0, field: 'tier', message: 'Choose a tier.' },
      { rule: 1, field: 'form', message: 'Choose a form.' },
    ])
  })
})

describe('selectRecipients', () => {
  const newsletter = { match: 'all' as const, rules: [{ kind: 'topic' as const, topic: 'newsletter' }] }
  it('leaves out the suppressed, the unsubscribed, bad addresses and a member’s own lead, in key order', () => {
    const people: PersonFacts[] = [
      { ...base, key: 'm:2', email: 'Zed@x.example' },
      { ...base, key: 'm:1' },
      { ...base, key: 'm:3', email: 'gone@x.example' },
      { ...base, key: 'm:4', email: 'left@x.example', unsubscribed: ['newsletter'] },
      { ...base, key: 'm:5', email: 'not an address' },
      { ...base, key: 'l:7', email: 'ANN@x.example', memberId: null },
    ]
    const list = selectRecipients(people, newsletter, { topic: 'newsletter', suppressed: new Set([hashAddress(' GONE@x.example')]) })
    expect(list.map((r) => [r.key, r.email])).toEqual([
      ['m:1', 'ann@x.example'],
      ['m:2', 'Zed@x.example'],
    ])
  })
})
