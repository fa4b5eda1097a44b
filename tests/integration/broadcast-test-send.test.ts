// "Send a test to me" and the email preview of a broadcast: the signed-in editor gets the broadcast
// through the real sender (here the Resend stand-in), "[Test]" in front, and no stat counts it.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { startFakeResendBatch } from './fake-resend-batch'
import type { RichText } from './fixtures'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let resend: Awaited<ReturnType<typeof startFakeResendBatch>>
let editor: User
let broadcast: string

const text = (value: string) => ({ type: 'text', text: value, format: 0, version: 1 })
const body: RichText = {
  root: {
    type: 'root',
    direction: null,
    format: '',
    indent: 0,
    version: 1,
    children: [{ type: 'paragraph', children: [text('Hello {name|friend}, here is the news.')], version: 1 }],
  },
}

type Handler = (req: unknown) => Promise<Response>
const call = async (endpoint: 'broadcastTestSendEndpoint' | 'broadcastPreviewEndpoint', user: unknown, id: string, query = '') => {
  const endpoints = await import('../../cms/broadcasts/test-send')
  return (endpoints[endpoint].handler as Handler)({ payload, user, routeParams: { id }, searchParams: new URLSearchParams(query) })
}

beforeAll(async () => {
  resend = await startFakeResendBatch()
  process.env.RESEND_API_KEY = 're_test_key'
  process.env.RESEND_BASE_URL = resend.url
  process.env.EMAIL_FROM = 'Brand <news@brand.example>'
  ;({ payload, cleanup } = await startPayload())
  editor = {
    ...(await payload.create({
      collection: 'users',
      data: { email: 'editor@brand.example', name: 'Eda', password: 'a long editor password', role: 'editor' },
      overrideAccess: true,
    })),
    collection: 'users',
  }
  const segment = (await payload.find({ collection: 'segments', where: { slug: { equals: 'newsletter' } }, overrideAccess: true })).docs[0]!
    .id
  const doc = await payload.create({
    collection: 'broadcasts',
    locale: 'en',
    data: { subject: 'Spring news for {name|you}', segment, body, status: 'draft' },
    overrideAccess: true,
  })
  broadcast = String(doc.id)
})

afterAll(async () => {
  await cleanup?.()
  await resend?.close()
})

describe('a test send to oneself', () => {
  it('emails the signed-in editor the broadcast, "[Test]" first, through the provider, and counts it nowhere', async () => {
    const answer = await call('broadcastTestSendEndpoint', editor, broadcast, 'locale=en')
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({ sentTo: 'editor@brand.example', id: resend.ids[0] })
    expect(resend.received).toHaveLength(1)
    const [email] = resend.received
    expect(email!.to).toEqual(['editor@brand.example'])
    expect(email!.subject).toBe('[Test] Spring news for Eda')
    expect(email!.html).toContain('<p>Hello Eda, here is the news.</p>')
    expect(email!.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(email!.idempotencyKey).toMatch(new RegExp(`^broadcast-test-${broadcast}-`))
    // A second test is a new email, not a replay of the first under the same key.
    expect((await call('broadcastTestSendEndpoint', editor, broadcast, 'locale=en')).status).toBe(200)
    expect(resend.received).toHaveLength(2)
    const { statsOf } = await import('../../cms/broadcasts/stats')
    expect(await statsOf(payload, broadcast)).toMatchObject({ recipients: 0, accepted: 0 })
    expect((await payload.count({ collection: 'broadcast-deliveries', overrideAccess: true })).totalDocs).toBe(0)
    const stored = await payload.findByID({ collection: 'broadcasts', id: broadcast, depth: 0, overrideAccess: true })
    expect([stored.status, stored.plannedAt ?? null, stored.recipients ?? null]).toEqual(['draft', null, null])
  })

  it('is refused to anyone but an editor or admin, and for a broadcast that does not exist', async () => {
    const before = resend.received.length
    const member = { id: 1, collection: 'members', email: 'm@people.example' }
    const sales = { ...editor, role: 'sales' }
    for (const [user, status] of [
      [null, 403],
      [member, 403],
      [sales, 403],
    ] as const)
      expect((await call('broadcastTestSendEndpoint', user, broadcast)).status).toBe(status)
    expect((await call('broadcastTestSendEndpoint', editor, '999999')).status).toBe(404)
    expect((await call('broadcastTestSendEndpoint', editor, '../x')).status).toBe(404)
    expect(resend.received).toHaveLength(before)
  })

  it('previews the email as the editor would get it, scripts off', async () => {
    const preview = await call('broadcastPreviewEndpoint', editor, broadcast, 'locale=en')
    expect(preview.status).toBe(200)
    expect(preview.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(preview.headers.get('content-security-policy')).toBe("script-src 'none'")
    const html = await preview.text()
    expect(html).toContain('<p>Hello Eda, here is the news.</p>')
    expect(html).toMatch(/\/unsubscribe\?token=/)
    // In the site's theme (the seed-free default, classic), or in the other one when asked.
    expect(html).toContain('<meta name="x-email-theme" content="classic">')
    const editorial = await (await call('broadcastPreviewEndpoint', editor, broadcast, 'locale=en&theme=editorial')).text()
    expect(editorial).toContain('<meta name="x-email-theme" content="editorial">')
    expect(editorial).toContain('<p>Hello Eda, here is the news.</p>')
    const unknown = await (await call('broadcastPreviewEndpoint', editor, broadcast, 'locale=en&theme=%3Cb%3E')).text()
    expect(unknown).toContain('<meta name="x-email-theme" content="classic">')
    expect((await call('broadcastPreviewEndpoint', null, broadcast)).status).toBe(403)
  })
})
