// The newsletter box for visitors who are not members: double opt-in by a signed link, one email
// per address per window, per-field messages, and the confirmed subscriber in the `newsletter` segment.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let signup: typeof import('../../site/lib/newsletter-signup')
let confirmPage: typeof import('../../site/pages/newsletter/confirm')

const SITE = 'http://localhost:4321'
const post = (fields: Record<string, string>, ip = '198.51.100.7', locale = 'en') =>
  signup.newsletterSignup(
    new Request(`${SITE}/en/newsletter`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    }),
    ip,
    locale,
  )

const confirmationsTo = async (to: string) => {
  await payload.jobs.run({ queue: 'default', limit: 100 })
  const { docs } = await payload.find({ collection: 'outbox', where: { to: { equals: to } }, overrideAccess: true })
  return docs
}

/** Who a broadcast to the seeded `newsletter` segment would reach now, read by both stores. */
async function newsletterAudience() {
  const { selectRecipients } = await import('../../functions/broadcasts/recipients')
  const { segmentTopic } = await import('../../functions/broadcasts/segment')
  const { segmentOf } = await import('../../cms/broadcasts/segments')
  const { broadcastStoreFor } = await import('../../cms/broadcasts/sqlite-store')
  const { localApiBroadcastStore } = await import('../../cms/broadcasts/store')
  const doc = (await payload.find({ collection: 'segments', where: { slug: { equals: 'newsletter' } }, overrideAccess: true })).docs[0]!
  const segment = segmentOf(doc)
  const audience = async (store: ReturnType<typeof localApiBroadcastStore>) =>
    selectRecipients(await store.people(), segment, { topic: segmentTopic(segment), suppressed: await store.suppressedHashes() })
      .map((r) => r.email)
      .sort()
  const [sql, local] = await Promise.all([audience(broadcastStoreFor(payload)), audience(localApiBroadcastStore(payload))])
  expect(local).toEqual(sql)
  return sql
}

const confirmCall = (method: 'GET' | 'POST', token: string) => {
  const url = new URL(`/newsletter/confirm?token=${encodeURIComponent(token)}`, SITE)
  const request = new Request(url, {
    method,
    ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' } : {}),
  })
  return (confirmPage[method] as (ctx: unknown) => Promise<Response> | Response)({ url, request })
}

const tokenIn = (text: string) => decodeURIComponent(text.match(/\/newsletter\/confirm\?token=([^\s"<]+)/)![1]!)

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  signup = await import('../../site/lib/newsletter-signup')
  confirmPage = await import('../../site/pages/newsletter/confirm')
})

afterAll(async () => {
  await cleanup?.()
})

describe('the newsletter box', () => {
  it('refuses bad input with a message per field and queues nothing', async () => {
    const answer = await post({ email: 'not an address' })
    expect(answer.status).toBe(422)
    expect(answer.signup.errors).toEqual({
      email: 'Enter a valid email address.',
      consent: 'Tick the box to agree to receive the newsletter.',
    })
    expect((await post({ email: 'ok@people.example' }, undefined, 'zh-CN')).signup.errors).toEqual({ consent: '请勾选同意接收新闻邮件。' })
    expect((await post({ consent: 'on' })).signup.errors).toEqual({ email: 'Enter a valid email address.' })
    expect(
      (await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendNewsletterConfirmation' } } })).totalDocs,
    ).toBe(0)
  })

  it('a stranger signing up someone else’s address subscribes nobody; the same request twice mails once', async () => {
    const first = await post({ email: 'Victim@People.example', consent: 'on' }, '203.0.113.9')
    const second = await post({ email: 'victim@people.example', consent: 'on' }, '203.0.113.10')
    expect([first.status, second.status]).toEqual([200, 200])
    expect(second.signup).toEqual({ state: 'sent' })
    const mails = await confirmationsTo('victim@people.example')
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('Confirm your subscription to ')
    expect((await payload.count({ collection: 'consent-log', overrideAccess: true })).totalDocs).toBe(0)
    expect(await newsletterAudience()).toEqual([])
  })

  it('a forged, altered or expired token is refused with a clear 4xx page', async () => {
    const [mail] = await confirmationsTo('victim@people.example')
    const token = tokenIn(mail!.text!)
    const [body, signature] = token.split('.')
    const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), e: 'x@people.example' }))
    for (const forged of ['', 'abc', `${other.toString('base64url')}.${signature}`, `${body}.${signature}x`]) {
      const answer = await confirmCall('POST', forged)
      expect(answer.status, forged).toBe(400)
      expect(await answer.text()).toContain('This link is not valid')
    }
    expect(await signup.confirmSignup(token, new Date(Date.now() + 49 * 60 * 60_000))).toBe('expired')
    expect((await payload.count({ collection: 'consent-log', overrideAccess: true })).totalDocs).toBe(0)
  })

  it('following the link asks first (GET), then subscribes (POST): logged on the lead, in the newsletter segment', async () => {
    const [mail] = await confirmationsTo('victim@people.example')
    const token = tokenIn(mail!.text!)
    const asked = await confirmCall('GET', token)
    expect(asked.status).toBe(200)
    expect(await asked.text()).toContain('<form method="post"')
    expect((await payload.count({ collection: 'consent-log', overrideAccess: true })).totalDocs).toBe(0)
    const done = await confirmCall('POST', token)
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('You are subscribed')
    const { docs } = await payload.find({ collection: 'consent-log', depth: 0, overrideAccess: true })
    expect(docs.map((d) => ({ member: d.member ?? null, topic: d.topic, subscribed: d.subscribed, source: d.source }))).toEqual([
      { member: null, topic: 'newsletter', subscribed: true, source: 'newsletter-form' },
    ])
    const lead = await payload.findByID({ collection: 'leads', id: docs[0]!.lead as number, depth: 0, overrideAccess: true })
    expect(lead.email).toBe('victim@people.example')
    expect(await newsletterAudience()).toEqual(['victim@people.example'])
    // The link followed again logs nothing more.
    expect(await signup.confirmSignup(token)).toEqual({ subscribed: false })
    expect((await payload.count({ collection: 'consent-log', overrideAccess: true })).totalDocs).toBe(1)
  })

  it('an address with an account is subscribed on the member’s own consent log', async () => {
    const member = await payload.create({
      collection: 'members',
      data: { email: 'member@people.example', name: 'Mia', emailVerifiedAt: '2026-01-01T00:00:00.000Z' },
      overrideAccess: true,
    })
    expect((await post({ email: 'member@people.example', consent: 'on' }, '203.0.113.11')).status).toBe(200)
    const [mail] = await confirmationsTo('member@people.example')
    expect((await confirmCall('POST', tokenIn(mail!.text!))).status).toBe(200)
    const { docs } = await payload.find({ collection: 'consent-log', where: { member: { equals: member.id } }, overrideAccess: true })
    expect(docs.map((d) => d.source)).toEqual(['newsletter-form'])
    expect(await newsletterAudience()).toEqual(['member@people.example', 'victim@people.example'])
  })

  it('one address may ask for 20 addresses an hour; the 21st is refused with 429 and mails nothing', async () => {
    for (let i = 0; i < 20; i++) expect((await post({ email: `n${i}@people.example`, consent: 'on' }, '192.0.2.50')).status).toBe(200)
    const refused = await post({ email: 'n20@people.example', consent: 'on' }, '192.0.2.50')
    expect(refused.status).toBe(429)
    expect(refused.retryAfterSeconds).toBeGreaterThan(0)
    expect(await confirmationsTo('n20@people.example')).toHaveLength(0)
    expect((await post({ email: 'n20@people.example', consent: 'on' }, '192.0.2.51')).status).toBe(200)
  })
})
