// The funnel report on the stored touches and leads: first and last touch, by channel, campaign and link, the same
// in SQL, through the Local API and in MongoDB's aggregations; members counted too.
import { Aggregator } from 'mingo'
import type { Document } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { FunnelCounts, GroupCount } from '../../functions/attribution'
import { DATABASES, mongooseOf, reportLeftOutDatabases, startPayloadOn } from './databases'
import { counters, funnel, payload, query, seed, useFunnel } from './funnel-harness'

useFunnel()

reportLeftOutDatabases()

const pick = (report: Awaited<ReturnType<typeof funnel.loadFunnel>>) =>
  report.rows.map((r) => [r.label, r.visits, r.leads, r.members, r.won, r.visitToLead, r.leadToMember, r.leadToWon])
const sorted = (counts: GroupCount[]) => [...counts].sort((a, b) => String(a.key).localeCompare(String(b.key)))
const normal = (c: FunnelCounts) => ({
  visits: sorted(c.visits),
  leads: sorted(c.leads),
  added: sorted(c.added ?? []),
  members: sorted(c.members),
  won: sorted(c.won),
  clicks: c.clicks && sorted(c.clicks),
})

/** The reports every database must give on the seeded rows. */
function reportsOn(on: () => Payload) {
  it('credits first touches: new visitors in March, leads by their first touch', async () => {
    const report = await funnel.loadFunnel(on(), query('first'), 'en')
    expect(pick(report)).toEqual([
      ['WeChat', 1, 2, 0, 2, 2, 0, 1],
      ['Weibo', 1, 1, 0, 0, 1, 0, 0],
      ['Xiaohongshu', 1, 0, 0, 0, 0, null, null],
      ['(no touch)', 0, 1, 0, 0, null, 0, 0],
    ])
    expect(report.total).toMatchObject({ visits: 3, leads: 4, members: 0, won: 2, visitToLead: 4 / 3, leadToMember: 0, leadToWon: 0.5 })
  })

  it('credits last touches: every March visitor under their latest March touch, leads by their last touch', async () => {
    const report = await funnel.loadFunnel(on(), query('last'), 'en')
    expect(pick(report)).toEqual([
      ['Xiaohongshu', 2, 0, 0, 0, 0, null, null],
      ['Direct', 1, 1, 0, 0, 1, 0, 0],
      ['Search', 1, 1, 0, 1, 1, 0, 1],
      ['WeChat', 0, 1, 0, 1, null, 0, 1],
      ['(no touch)', 0, 1, 0, 0, null, 0, 0],
    ])
    expect(report.total).toMatchObject({ visits: 4, leads: 4, won: 2, visitToLead: 1, leadToWon: 0.5 })
  })

  it('groups by campaign link with clicks and link titles, and by campaign, in Chinese', async () => {
    const links = await funnel.loadFunnel(on(), query('first', 'link'), 'zh')
    expect(links.rows.map((r) => [r.label, r.clicks, r.visits, r.leads, r.won])).toEqual([
      ['（无活动链接）', 0, 2, 2, 0],
      ['poster · Spring poster', 5, 1, 2, 2],
      ['flyer', 2, 0, 0, 0],
    ])
    expect(links.total).toMatchObject({ label: '合计', clicks: 7, visits: 3, leads: 4 })
    const campaigns = await funnel.loadFunnel(on(), query('last', 'campaign'), 'en')
    expect(campaigns.rows.map((r) => [r.label, r.visits, r.leads])).toEqual([
      ['(no campaign)', 3, 4],
      ['notes', 1, 0],
    ])
  })
}

describe('the funnel on the stored touches and leads (sqlite)', () => {
  reportsOn(() => payload)

  it.each(['channel', 'campaign', 'link'] as const)(
    'gives the same %s counts through the Local API (any other database) as in SQL',
    async (group) => {
      for (const model of ['first', 'last'] as const) {
        const sql = await counters.sqliteFunnelCounts(payload)(query(model, group))
        const local = await counters.localApiFunnelCounts(payload)(query(model, group))
        expect(normal(local)).toEqual(normal(sql))
        expect(sql.visits.reduce((n, c) => n + c.count, 0)).toBe(model === 'first' ? 3 : 4)
      }
    },
  )

  it.each(['channel', 'campaign', 'link'] as const)(
    'gives the SQL %s counts from the MongoDB aggregations, run by mingo over the same rows as MongoDB holds them',
    async (group) => {
      const { countWithAggregations } = await import('../../cms/funnel/mongo-counts')
      const rows = async (collection: 'touches' | 'leads' | 'link-clicks') =>
        (await payload.find({ collection, pagination: false, depth: 0 })).docs
      // Ids under _id and dates as dates; a field never set is missing on MongoDB, one set to nothing
      // is null: every other row has its nulls left out, so both are counted.
      const asStored = (row: { id: number }, i: number): Document => {
        const { id, ...fields } = row
        const kept = Object.entries(fields).filter(([, value]) => i % 2 === 0 || value !== null)
        return {
          _id: id,
          ...Object.fromEntries(
            kept.map(([key, value]) => [key, (key === 'at' || key === 'createdAt') && typeof value === 'string' ? new Date(value) : value]),
          ),
        }
      }
      const stored: Record<string, Document[]> = { members: [] }
      for (const collection of ['touches', 'leads', 'link-clicks'] as const) stored[collection] = (await rows(collection)).map(asStored)
      const inMemory = async ({ collection, pipeline }: { collection: string; pipeline: Document[] }) =>
        new Aggregator(pipeline).run(stored[collection]!) as Document[]
      for (const model of ['first', 'last'] as const) {
        const sql = await counters.sqliteFunnelCounts(payload)(query(model, group))
        expect(normal(await countWithAggregations(inMemory, query(model, group), { members: true }))).toEqual(normal(sql))
      }
    },
  )

  it('counts members by their first and last touch (the members collection of the membership work)', async () => {
    expect(await funnel.funnelCounts(payload, query('first'))).toMatchObject({ members: [] })
    const members = [
      { email: 'm1@example.com', firstTouch: { channel: 'wechat' }, lastTouch: { channel: 'search' }, at: '2026-03-07T00:00:00.000Z' },
      { email: 'm2@example.com', firstTouch: { channel: 'wechat' }, lastTouch: { channel: 'wechat' }, at: '2026-03-08T00:00:00.000Z' },
      { email: 'm3@example.com', firstTouch: { channel: 'weibo' }, lastTouch: { channel: 'weibo' }, at: '2026-04-08T00:00:00.000Z' },
    ]
    const ids: (string | number)[] = []
    for (const m of members)
      ids.push(
        (
          await payload.create({
            collection: 'members',
            data: { email: m.email, firstTouch: m.firstTouch, lastTouch: m.lastTouch, createdAt: m.at },
            depth: 0,
          })
        ).id,
      )
    try {
      const first = await funnel.loadFunnel(payload, query('first'), 'en')
      expect(first.rows.find((r) => r.key === 'wechat')).toMatchObject({ leads: 2, members: 2, leadToMember: 1 })
      const last = await funnel.loadFunnel(payload, query('last'), 'en')
      expect(last.rows.filter((r) => r.members > 0).map((r) => [r.key, r.members])).toEqual([
        ['search', 1],
        ['wechat', 1],
      ])
    } finally {
      for (const id of ids) await payload.delete({ collection: 'members', id, depth: 0 })
    }
  })
})

// Last in the file: starting MongoDB's Payload imports the app's modules anew (databases.ts).
describe.each(DATABASES.filter((database) => database !== 'sqlite'))('the funnel on the stored touches and leads (%s)', (database) => {
  let mongo: Payload
  let stop = async () => {}
  beforeAll(async () => {
    ;({ payload: mongo, cleanup: stop } = await startPayloadOn(database))
    const leads = mongooseOf(mongo).collections.leads!
    await seed(mongo, (id, createdAt) => leads.updateOne({ _id: id }, { $set: { createdAt: new Date(createdAt) } }))
  })
  afterAll(async () => stop())

  reportsOn(() => mongo)

  it.each(['channel', 'campaign', 'link'] as const)(
    'gives the same %s counts from the aggregations as through the Local API',
    async (group) => {
      const { mongoFunnelCounts } = await import('../../cms/funnel/mongo-counts')
      for (const model of ['first', 'last'] as const) {
        expect(normal(await mongoFunnelCounts(mongo)(query(model, group)))).toEqual(
          normal(await counters.localApiFunnelCounts(mongo)(query(model, group))),
        )
      }
    },
  )
})
