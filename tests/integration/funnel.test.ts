import type { Client } from '@libsql/client'
import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { Aggregator } from 'mingo'
import type { Document } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { FunnelCounts, FunnelGroup, FunnelModel, FunnelQuery, GroupCount } from '../../functions/attribution'
import { DATABASES, reportLeftOutDatabases, startPayloadOn } from './databases'
import { startPayload } from './payload'

reportLeftOutDatabases()

let payload: Payload
let cleanup: () => Promise<void>
let funnel: typeof import('../../cms/funnel')
let counters: typeof import('../../cms/funnel/sqlite-counts') & typeof import('../../cms/funnel/local-api-counts')
let handleEndpoints: typeof import('payload').handleEndpoints
let config: Promise<import('payload').SanitizedConfig>
const tokens: Record<string, string> = {}

const MARCH = { from: '2026-03-01', to: '2026-03-31' }
const query = (model: FunnelModel, group: FunnelGroup = 'channel'): FunnelQuery => ({
  range: MARCH,
  group,
  model,
  sort: { by: 'visits', dir: 'desc' },
})

// Six visitors and two touches without a visitor id (an erased member's, not counted), around March 2026:
// v1 first came in February (returning in March), v2 came in March and again in April, v3 has two
// touches at the same instant (the lower id is the earlier), v4 came at the last millisecond of March,
// v5 at the first millisecond of April, v6 at the last millisecond of February.
const TOUCHES = [
  { visitor: 'v1', at: '2026-02-20T10:00:00.000Z', channel: 'wechat', campaign: 'spring', campaignLink: 'poster' },
  { visitor: 'v1', at: '2026-03-05T10:00:00.000Z', channel: 'search', source: 'baidu' },
  { visitor: 'v2', at: '2026-03-02T10:00:00.000Z', channel: 'weibo', campaign: 'spring' },
  { visitor: 'v2', at: '2026-03-10T10:00:00.000Z', channel: 'direct' },
  { visitor: 'v2', at: '2026-04-02T10:00:00.000Z', channel: 'wechat' },
  { visitor: 'v3', at: '2026-03-03T08:00:00.000Z', channel: 'wechat', campaign: 'spring', campaignLink: 'poster' },
  { visitor: 'v3', at: '2026-03-03T08:00:00.000Z', channel: 'xiaohongshu', campaign: 'notes', campaignLink: 'note' },
  { visitor: 'v4', at: '2026-03-31T23:59:59.999Z', channel: 'xiaohongshu' },
  { visitor: 'v5', at: '2026-04-01T00:00:00.000Z', channel: 'linkedin' },
  { visitor: 'v6', at: '2026-02-28T23:59:59.999Z', channel: 'wechat' },
  { visitor: null, at: '2026-03-15T10:00:00.000Z', channel: 'search' },
  { visitor: null, at: '2026-02-15T10:00:00.000Z', channel: 'search' },
]

const LEADS = [
  {
    email: 'won-wechat@test.example',
    createdAt: '2026-03-06T10:00:00.000Z',
    status: 'won',
    firstTouch: { channel: 'wechat', campaign: 'spring', campaignLink: 'poster' },
    lastTouch: { channel: 'search' },
  },
  {
    email: 'new-weibo@test.example',
    createdAt: '2026-03-11T10:00:00.000Z',
    status: 'new',
    firstTouch: { channel: 'weibo', campaign: 'spring' },
    lastTouch: { channel: 'direct' },
  },
  {
    email: 'won-poster@test.example',
    createdAt: '2026-03-20T10:00:00.000Z',
    status: 'won',
    firstTouch: { channel: 'wechat', campaignLink: 'poster' },
    lastTouch: { channel: 'wechat' },
  },
  {
    email: 'february@test.example',
    createdAt: '2026-02-25T10:00:00.000Z',
    status: 'won',
    firstTouch: { channel: 'wechat' },
    lastTouch: { channel: 'wechat' },
  },
  { email: 'no-touch@test.example', createdAt: '2026-03-25T10:00:00.000Z', status: 'lost', firstTouch: null, lastTouch: null },
  {
    email: 'april@test.example',
    createdAt: '2026-04-01T00:00:00.000Z',
    status: 'new',
    firstTouch: { channel: 'linkedin' },
    lastTouch: { channel: 'linkedin' },
  },
]

/** The touches, leads, link and clicks above; `backdate` gives a lead its own creation time (leads are stamped when stored). */
async function seed(on: Payload, backdate: (id: string | number, createdAt: string) => Promise<unknown>) {
  for (const touch of TOUCHES) await on.create({ collection: 'touches', data: touch as never })
  for (const lead of LEADS) await backdate((await on.create({ collection: 'leads', data: lead as never })).id, lead.createdAt)
  await on.create({
    collection: 'campaign-links',
    data: { code: 'poster', title: 'Spring poster', target: { kind: 'url', url: '/' } } as never,
  })
  for (const [link, day, count] of [
    ['poster', '2026-03-03', 5],
    ['poster', '2026-02-28', 9],
    ['flyer', '2026-03-31', 2],
  ] as const) {
    await on.create({ collection: 'link-clicks', data: { link, day, count } })
  }
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  funnel = await import('../../cms/funnel')
  counters = { ...(await import('../../cms/funnel/sqlite-counts')), ...(await import('../../cms/funnel/local-api-counts')) }
  ;({ handleEndpoints } = await import('payload'))
  config = (await import('../../cms/payload.config')).default
  await seed(payload, (id, createdAt) => client().execute({ sql: 'UPDATE leads SET created_at = ? WHERE id = ?', args: [createdAt, id] }))
  for (const role of ['admin', 'editor', 'sales'] as const) {
    const email = `${role}@test.example`
    await payload.create({ collection: 'users', data: { email, password: 'a-Strong-passw0rd', role } })
    tokens[role] = (await payload.login({ collection: 'users', data: { email, password: 'a-Strong-passw0rd' } })).token!
  }
})
afterAll(async () => cleanup?.())

const client = () => (payload.db as unknown as { client: Client }).client
const pick = (report: Awaited<ReturnType<typeof funnel.loadFunnel>>) =>
  report.rows.map((r) => [r.label, r.visits, r.leads, r.members, r.won, r.visitToLead, r.leadToMember, r.leadToWon])
// Response.text() drops the byte-order mark the CSV starts with; read the bytes as they came.
const body = async (response: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
const get = (search: string, role?: string) =>
  handleEndpoints({
    config,
    request: new Request(`http://localhost/api/funnel.csv${search}`, { headers: role ? { authorization: `JWT ${tokens[role]}` } : {} }),
  })

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
        (await payload.find({ collection, pagination: false, depth: 0 })).docs as unknown as Record<string, unknown>[]
      // Ids under _id and dates as dates; a field never set is missing on MongoDB, one set to nothing
      // is null: every other row has its nulls left out, so both are counted.
      const asStored = (row: Record<string, unknown>, i: number): Document => {
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
            data: { email: m.email, firstTouch: m.firstTouch, lastTouch: m.lastTouch, createdAt: m.at } as never,
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

describe('GET /api/funnel.csv', () => {
  it('answers a CMS user with the table as CSV', async () => {
    const response = await get('?from=2026-03-01&to=2026-03-31&group=channel&model=first', 'admin')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="funnel-channel-first-touch-2026-03-01-to-2026-03-31.csv"',
    )
    expect(await body(response)).toBe(
      '\uFEFFchannel,name,visits,leads,added,members,won,visit_to_lead,lead_to_added,lead_to_member,lead_to_won\r\n' +
        'wechat,WeChat,1,2,0,0,2,2,0,0,1\r\n' +
        'weibo,Weibo,1,1,0,0,0,1,0,0,0\r\n' +
        'xiaohongshu,Xiaohongshu,1,0,0,0,0,0,,,\r\n' +
        ',(no touch),0,1,0,0,0,,0,0,0\r\n' +
        ',Total,3,4,0,0,2,1.3333,0,0,0.5\r\n',
    )
  })

  it('exports campaign links with clicks, sorted as asked, for editors and sales too', async () => {
    for (const role of ['editor', 'sales']) {
      const response = await get('?from=2026-03-01&to=2026-03-31&group=link&model=first&sort=-clicks', role)
      expect(response.status).toBe(200)
      expect(await body(response)).toBe(
        '\uFEFFlink,name,clicks,visits,leads,added,members,won,visit_to_lead,lead_to_added,lead_to_member,lead_to_won\r\n' +
          'poster,poster · Spring poster,5,1,2,0,0,2,2,0,0,1\r\n' +
          'flyer,flyer,2,0,0,0,0,0,,,,\r\n' +
          ',(no campaign link),0,2,2,0,0,0,1,0,0,0\r\n' +
          ',Total,7,3,4,0,0,2,1.3333,0,0,0.5\r\n',
      )
    }
  })

  it('refuses anonymous requests with a 403', async () => {
    const response = await get('?from=2026-03-01&to=2026-03-31')
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ errors: [{ message: 'You are not allowed to perform this action.' }] })
  })

  it.each([
    ['?from=2026-03-32', { message: 'from must be a date written YYYY-MM-DD, e.g. 2026-03-01.', field: 'from' }],
    ['?from=2026-04-01&to=2026-03-01', { message: 'from must be on or before to.', field: 'from' }],
    ['?group=country', { message: 'group must be one of: channel, campaign, link.', field: 'group' }],
  ])('answers %s with a 400 naming the parameter', async (search, error) => {
    const response = await get(search, 'admin')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [error] })
  })
})

describe('added on WeChat', () => {
  it('counts the adds of the range under the touch each recorded (its live code), the same in SQL and through the Local API', async () => {
    const touch = (data: Record<string, unknown>) =>
      payload.create({ collection: 'touches', data: { channel: 'wechat', source: 'wecom', medium: 'added-on-wechat', ...data } as never })
    const inMarch = await touch({ at: '2026-03-12T09:00:00.000Z', campaign: 'spring', campaignLink: 'poster' })
    const inMarchToo = await touch({ at: '2026-03-13T09:00:00.000Z', campaign: 'spring', campaignLink: 'poster' })
    const unlinked = await touch({ at: '2026-03-14T09:00:00.000Z' })
    const inApril = await touch({ at: '2026-04-02T09:00:00.000Z', campaign: 'spring', campaignLink: 'poster' })
    const adds = [
      [inMarch, 'zhangsan', 'wm1'],
      [inMarchToo, 'lisi', 'wm2'],
      [unlinked, 'zhangsan', 'wm3'],
      [inApril, 'zhangsan', 'wm4'],
    ] as const
    for (const [t, staff, external] of adds)
      await payload.create({
        collection: 'wechat-adds',
        data: { at: t.at, staffUserId: staff, externalUserId: external, campaignLink: t.campaignLink ?? null, touch: t.id },
      })

    const expected = {
      channel: [{ key: 'wechat', count: 3 }],
      campaign: [
        { key: null, count: 1 },
        { key: 'spring', count: 2 },
      ],
      link: [
        { key: null, count: 1 },
        { key: 'poster', count: 2 },
      ],
    }
    const sorted = (counts: GroupCount[] = []) => [...counts].sort((a, b) => String(a.key).localeCompare(String(b.key)))
    for (const group of ['channel', 'campaign', 'link'] as const) {
      for (const model of ['first', 'last'] as const) {
        expect(sorted((await counters.sqliteFunnelCounts(payload)(query(model, group))).added)).toEqual(sorted(expected[group]))
        expect(sorted((await counters.localApiFunnelCounts(payload)(query(model, group))).added)).toEqual(sorted(expected[group]))
      }
    }
    const report = await funnel.loadFunnel(payload, query('first', 'link'), 'en')
    expect(report.rows.find((r) => r.key === 'poster')).toMatchObject({
      label: 'poster · Spring poster',
      leads: 2,
      added: 2,
      leadToAdded: 1,
    })
    expect(report.total.added).toBe(3)
  })
})

// Last in the file: starting MongoDB's Payload imports the app's modules anew (databases.ts).
describe.each(DATABASES.filter((database) => database !== 'sqlite'))('the funnel on the stored touches and leads (%s)', (database) => {
  let mongo: Payload
  let stop = async () => {}
  beforeAll(async () => {
    ;({ payload: mongo, cleanup: stop } = await startPayloadOn(database))
    const leads = (mongo.db as unknown as MongooseAdapter).collections.leads!
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
