// Shared by the funnel-*.test.ts files: a real Payload on its own SQLite file (one per test file, see payload.ts)
// holding touches, leads, a campaign link and its clicks around March 2026. The bindings below are live: each test
// file calls useFunnel() once, and they are set in its beforeAll.
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import type { FunnelGroup, FunnelModel, FunnelQuery } from '../../functions/attribution'
import { row } from './fixtures'
import { startPayload } from './payload'

export let payload: Payload
let cleanup: () => Promise<void>
export let funnel: typeof import('../../cms/funnel')
export let counters: typeof import('../../cms/funnel/sqlite-counts') & typeof import('../../cms/funnel/local-api-counts')
export let handleEndpoints: typeof import('payload').handleEndpoints
export let config: Promise<import('payload').SanitizedConfig>
export const tokens: Record<string, string> = {}

const MARCH = { from: '2026-03-01', to: '2026-03-31' }
export const query = (model: FunnelModel, group: FunnelGroup = 'channel'): FunnelQuery => ({
  range: MARCH,
  group,
  model,
  sort: { by: 'visits', dir: 'desc' },
})

// Six visitors and two touches without a visitor id (an erased member's, not counted), around March 2026:
// v1 first came in February (returning in March), v2 came in March and again in April, v3 has two
// touches at the same instant (the lower id is the earlier), v4 came at the last millisecond of March,
// v5 at the first millisecond of April, v6 at the last millisecond of February.
const TOUCHES: RequiredDataFromCollectionSlug<'touches'>[] = [
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

const LEADS: (RequiredDataFromCollectionSlug<'leads'> & { createdAt: string })[] = [
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
export async function seed(on: Payload, backdate: (id: string | number, createdAt: string) => Promise<unknown>) {
  for (const touch of TOUCHES) await on.create({ collection: 'touches', data: touch })
  for (const lead of LEADS) await backdate((await on.create({ collection: 'leads', data: lead })).id, lead.createdAt)
  await on.create({
    collection: 'campaign-links',
    data: row('campaign-links', { code: 'poster', title: 'Spring poster', target: { kind: 'url', url: '/' } }),
  })
  for (const [link, day, count] of [
    ['poster', '2026-03-03', 5],
    ['poster', '2026-02-28', 9],
    ['flyer', '2026-03-31', 2],
  ] as const) {
    await on.create({ collection: 'link-clicks', data: { link, day, count } })
  }
}

/** Boots Payload for the calling test file on the seeded rows, with an admin, an editor and a sales user signed in. */
export function useFunnel(): void {
  beforeAll(async () => {
    ;({ payload, cleanup } = await startPayload())
    funnel = await import('../../cms/funnel')
    counters = { ...(await import('../../cms/funnel/sqlite-counts')), ...(await import('../../cms/funnel/local-api-counts')) }
    ;({ handleEndpoints } = await import('payload'))
    config = (await import('../../cms/payload.config')).default
    const client = (await import('../../cms/database')).requireSqliteClient(payload)
    await seed(payload, (id, createdAt) => client.execute({ sql: 'UPDATE leads SET created_at = ? WHERE id = ?', args: [createdAt, id] }))
    for (const role of ['admin', 'editor', 'sales'] as const) {
      const email = `${role}@test.example`
      await payload.create({ collection: 'users', data: { email, password: 'a-Strong-passw0rd', role } })
      tokens[role] = (await payload.login({ collection: 'users', data: { email, password: 'a-Strong-passw0rd' } })).token!
    }
  })
  afterAll(async () => cleanup?.())
}
