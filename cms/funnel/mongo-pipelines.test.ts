import { Aggregator } from 'mingo'
import type { Document } from 'mongodb'
import { describe, expect, it } from 'vitest'

import type { FunnelGroup, FunnelModel, FunnelQuery } from '../../functions/attribution'
import { countWithAggregations } from './mongo-counts'
import { funnelAggregations, textKey } from './mongo-pipelines'

// No MongoDB server can run here: mingo runs MongoDB's aggregation language in memory. The same
// pipelines are checked against the SQL counts on stored rows in tests/integration/funnel-reports.test.ts,
// and against a real server there whenever MONGODB_URI is set.
const run = (pipeline: Document[], docs: Document[]) => new Aggregator(pipeline).run(docs) as Document[]
const query = (model: FunnelModel, group: FunnelGroup = 'channel'): FunnelQuery => ({
  range: { from: '2026-03-01', to: '2026-03-31' },
  group,
  model,
  sort: { by: 'visits', dir: 'desc' },
})
const at = (iso: string) => new Date(iso)

describe('textKey', () => {
  it.each([
    ['text', { channel: 'wechat' }, 'wechat'],
    ['empty text', { channel: '' }, null],
    ['null', { channel: null }, null],
    ['missing', {}, null],
    ['a number', { channel: 7 }, null],
    ['an array', { channel: ['wechat'] }, null],
    ['an object', { channel: { name: 'wechat' } }, null],
  ])('a group key from %s', (_, doc, expected) => {
    expect(run([{ $project: { _id: 0, key: textKey('$channel') } }], [doc])).toEqual([{ key: expected }])
  })

  it.each([
    ['an object', { firstTouch: { campaign: 'spring' } }, 'spring'],
    ['JSON text, which SQLite reads as text with no keys', { firstTouch: '{"campaign":"spring"}' }, null],
    ['an array of touches', { firstTouch: [{ campaign: 'spring' }] }, null],
    ['null', { firstTouch: null }, null],
  ])('a touch stored as %s', (_, doc, expected) => {
    expect(run([{ $project: { _id: 0, key: textKey('$firstTouch.campaign') } }], [doc])).toEqual([{ key: expected }])
  })
})

describe('funnelAggregations', () => {
  const touches = [
    { _id: 1, visitor: 'v1', at: at('2026-02-20T10:00:00.000Z'), channel: 'wechat' },
    { _id: 2, visitor: 'v1', at: at('2026-03-05T10:00:00.000Z'), channel: 'search' },
    // A tie at one instant: the lower id is the earlier, whatever order the documents come in.
    { _id: 4, visitor: 'v3', at: at('2026-03-03T08:00:00.000Z'), channel: 'xiaohongshu' },
    { _id: 3, visitor: 'v3', at: at('2026-03-03T08:00:00.000Z'), channel: 'wechat' },
    { _id: 5, visitor: 'v4', at: at('2026-03-31T23:59:59.999Z'), channel: '' },
    { _id: 6, visitor: 'v5', at: at('2026-04-01T00:00:00.000Z'), channel: 'linkedin' },
    { _id: 7, visitor: null, at: at('2026-03-15T10:00:00.000Z'), channel: 'search' },
    { _id: 8, at: at('2026-03-16T10:00:00.000Z'), channel: 'search' },
    // An empty visitor id is still an id (SQL counts visitor IS NOT NULL).
    { _id: 9, visitor: '', at: at('2026-03-17T10:00:00.000Z'), channel: 'email' },
  ]
  const leads = [
    {
      _id: 'a',
      createdAt: at('2026-03-06T10:00:00.000Z'),
      status: 'won',
      firstTouch: { channel: 'wechat' },
      lastTouch: { channel: 'search' },
    },
    { _id: 'b', createdAt: at('2026-03-01T00:00:00.000Z'), status: 'new', firstTouch: { channel: 'wechat' } },
    { _id: 'c', createdAt: at('2026-02-28T23:59:59.999Z'), status: 'won', firstTouch: { channel: 'wechat' } },
    { _id: 'd', createdAt: at('2026-03-20T10:00:00.000Z'), status: 'won', firstTouch: null, lastTouch: { channel: 5 } },
  ]
  const clicks = [
    { _id: 1, link: 'poster', day: '2026-03-01', count: 5 },
    { _id: 2, link: 'poster', day: '2026-03-31', count: 2 },
    { _id: 3, link: 'poster', day: '2026-04-01', count: 9 },
    { _id: 4, link: 'flyer', day: '2026-03-10', count: 0 },
  ]
  const stored: Record<string, Document[]> = { touches, leads, members: [leads[0]!], 'link-clicks': clicks }
  const counts = (q: FunnelQuery) =>
    countWithAggregations(async ({ collection, pipeline }) => run(pipeline, stored[collection]!), q, { members: true })
  const byKey = (list: { key: string | null; count: number }[]) => Object.fromEntries(list.map(({ key, count }) => [String(key), count]))

  it('credits each new visitor’s first touch ever, in the range only', async () => {
    // v1 came in February (not new); v3's tie goes to id 3; v4's touch has no channel; v5 came in April.
    expect(byKey((await counts(query('first'))).visits)).toEqual({ wechat: 1, null: 1, email: 1 })
  })

  it('credits every visitor in the range under their latest touch there', async () => {
    // v3's tie goes to id 4, the later of the two.
    expect(byKey((await counts(query('last'))).visits)).toEqual({ search: 1, xiaohongshu: 1, null: 1, email: 1 })
  })

  it('counts leads and members created in the range by their touch, and those won', async () => {
    const first = await counts(query('first'))
    expect([byKey(first.leads), byKey(first.won), byKey(first.members)]).toEqual([
      { wechat: 2, null: 1 },
      { wechat: 1, null: 1 },
      { wechat: 1 },
    ])
    const last = await counts(query('last'))
    expect([byKey(last.leads), byKey(last.won)]).toEqual([
      { search: 1, null: 2 },
      { search: 1, null: 1 },
    ])
  })

  it('adds up clicks per link over the range’s days, and leaves out links with none', async () => {
    expect((await counts(query('first', 'link'))).clicks).toEqual([{ key: 'poster', count: 7 }])
    expect((await counts(query('first'))).clicks).toBeUndefined()
  })

  it('runs one aggregation per step, on the collection that step counts', () => {
    const plan = funnelAggregations(query('last', 'link'), { members: false })
    expect(Object.entries(plan).map(([step, { collection }]) => [step, collection])).toEqual([
      ['visits', 'touches'],
      ['leads', 'leads'],
      ['clicks', 'link-clicks'],
    ])
    // Dates are compared as the dates Payload stores on MongoDB, not as text.
    expect(plan.leads.pipeline[0]).toEqual({
      $match: { createdAt: { $gte: at('2026-03-01T00:00:00.000Z'), $lt: at('2026-04-01T00:00:00.000Z') } },
    })
  })
})
