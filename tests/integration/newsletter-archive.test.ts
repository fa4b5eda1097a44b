// The newsletter archive on the site: sent public broadcasts only, newest first, each with a web
// version made by the email's own preparation (no name, no per-recipient link), and an RSS feed.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { type RichText, row, type RowData } from './fixtures'
import { startPayload } from './payload'
import { routeContext } from './route-context'

let payload: Payload
let cleanup: () => Promise<void>
let segment: number
const ids: Record<string, string> = {}

const text = (value: string) => ({ type: 'text', text: value, format: 0, version: 1 })
const lexical = (...children: RichText['root']['children']): RichText => ({
  root: { type: 'root', children, direction: null, format: '', indent: 0, version: 1 },
})
const body = lexical(
  { type: 'paragraph', children: [text('Hello {name|friend}, our spring issue.')], version: 1 },
  {
    type: 'paragraph',
    children: [{ type: 'link', fields: { linkType: 'custom', url: 'https://shop.example/spring' }, children: [text('Shop')], version: 1 }],
    version: 1,
  },
)

/** Runs the queue as the worker does, with the clock at `at`. */
async function runJobsAt(at: Date) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at)
  try {
    await payload.jobs.run({ queue: 'default' })
  } finally {
    vi.useRealTimers()
  }
}

async function broadcast(subject: string, data: RowData<'broadcasts'>) {
  const doc = await payload.create({
    collection: 'broadcasts',
    locale: 'en',
    data: row('broadcasts', { subject, segment, body, ...data }),
    overrideAccess: true,
  })
  return String(doc.id)
}

const stamp = async () => ((await payload.findGlobal({ slug: 'content-version', overrideAccess: true })) as { stamp?: string }).stamp

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  segment = (await payload.find({ collection: 'segments', where: { slug: { equals: 'newsletter' } }, overrideAccess: true })).docs[0]!.id
  await payload.updateGlobal({ slug: 'site-settings', locale: 'en', data: { brandName: 'Brand' }, overrideAccess: true })
  const alice = await payload.create({
    collection: 'members',
    data: { email: 'alice@people.example', name: 'Alice', emailVerifiedAt: '2026-01-01T00:00:00.000Z' },
    overrideAccess: true,
  })
  await payload.create({
    collection: 'consent-log',
    data: { member: alice.id, topic: 'newsletter', subscribed: true, source: 'account-page', at: '2026-01-02T00:00:00.000Z' },
    overrideAccess: true,
  })
  ids.older = await broadcast('Winter issue', { status: 'scheduled', sendAt: '2026-02-01T09:00:00.000Z', public: true })
  await runJobsAt(new Date('2026-02-01T09:00:01.000Z'))
  const before = await stamp()
  ids.newer = await broadcast('Spring issue for {name|you}', { status: 'scheduled', sendAt: '2026-03-01T09:00:00.000Z', public: true })
  ids.private = await broadcast('Members only issue', { status: 'scheduled', sendAt: '2026-03-01T09:00:00.000Z' })
  ids.stampBeforeSend = String(await stamp())
  await runJobsAt(new Date('2026-03-01T09:00:01.000Z'))
  ids.stampAfterSend = String(await stamp())
  ids.draft = await broadcast('Draft issue', { status: 'draft', public: true })
  ids.scheduled = await broadcast('Later issue', { status: 'scheduled', sendAt: '2099-01-01T00:00:00.000Z', public: true })
  ids.cancelled = await broadcast('Cancelled issue', { status: 'cancelled', public: true })
  expect(before).toBeTruthy()
})

afterAll(async () => {
  await cleanup?.()
})

describe('the newsletter archive', () => {
  it('lists sent public broadcasts only, newest first, in both locales', async () => {
    const { newsletterArchive } = await import('../../site/lib/newsletter')
    for (const locale of ['en', 'zh-CN']) {
      const list = await newsletterArchive(locale, 'zh-CN', null)
      expect(list.map((i) => i.id)).toEqual([ids.newer, ids.older])
      // Written in English only: every locale shows it, and the name falls back.
      expect(list.map((i) => i.subject)).toEqual(['Spring issue for you', 'Winter issue'])
      expect(list[0]!.sentAt).toBe('2026-03-01T09:00:01.000Z')
    }
  })

  it('a public broadcast once sent changes the content stamp, so cached archive pages are dropped', () => {
    expect(ids.stampAfterSend).not.toBe(ids.stampBeforeSend)
  })

  it('the web version is the email’s content with the generic greeting and no per-recipient links', async () => {
    const { newsletterIssue } = await import('../../site/lib/newsletter')
    const issue = (await newsletterIssue('en', ids.newer!, null))!
    expect(issue.subject).toBe('Spring issue for you')
    expect(issue.html).toBe('<p>Hello friend, our spring issue.</p><p><a href="https://shop.example/spring">Shop</a></p>')
    const { docs } = await payload.find({
      collection: 'outbox',
      where: { subject: { equals: 'Spring issue for Alice' } },
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    // The email Alice got says the same, personalised, with its links tracked and her unsubscribe link.
    expect(docs[0]!.html).toContain('<p>Hello Alice, our spring issue.</p>')
    expect(docs[0]!.html).toMatch(/\/unsubscribe\?token=/)
    expect(issue.html).not.toMatch(/unsubscribe|\/l\//)
  })

  it('drafts, scheduled, cancelled, private and unknown broadcasts have no web version', async () => {
    const { newsletterIssue } = await import('../../site/lib/newsletter')
    for (const id of [ids.private, ids.draft, ids.scheduled, ids.cancelled, '999999', 'rss', "1' or 1=1"])
      expect(await newsletterIssue('en', id!, null), id).toBeNull()
  })

  it('a broadcast made private again leaves the archive', async () => {
    const { newsletterArchive } = await import('../../site/lib/newsletter')
    await payload.update({ collection: 'broadcasts', id: ids.older!, locale: 'en', data: { public: false }, overrideAccess: true })
    expect((await newsletterArchive('en', 'zh-CN', (await stamp()) ?? null)).map((i) => i.id)).toEqual([ids.newer])
    await payload.update({ collection: 'broadcasts', id: ids.older!, locale: 'en', data: { public: true }, overrideAccess: true })
  })

  it('has an RSS feed per locale, the root locale’s at /newsletter/rss.xml only', async () => {
    const root = await import('../../site/pages/newsletter/rss.xml')
    const prefixed = await import('../../site/pages/[locale]/newsletter/rss.xml')
    const locals = { contentStamp: (await stamp()) ?? null }
    const zh = await root.GET(routeContext({ locals, params: {} }))
    expect(zh.status).toBe(200)
    expect(zh.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    const xml = await zh.text()
    expect([...xml.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname)).toEqual([
      '/newsletter',
      `/newsletter/${ids.newer}`,
      `/newsletter/${ids.older}`,
    ])
    expect(xml).not.toMatch(/Members only|Draft issue|Later issue|Cancelled issue/)
    const en = await (await prefixed.GET(routeContext({ locals, params: { locale: 'en' } }))).text()
    expect(en).toContain(`/en/newsletter/${ids.newer}</link>`)
    expect(en).toContain('<language>en</language>')
    expect((await prefixed.GET(routeContext({ locals, params: { locale: 'zh-cn' } }))).status).toBe(404)
    expect((await prefixed.GET(routeContext({ locals, params: { locale: 'fr' } }))).status).toBe(404)
  })
})
