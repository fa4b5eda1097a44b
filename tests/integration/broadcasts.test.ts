import type { Payload } from 'payload'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { receiveResendWebhook } from '../../cms/broadcasts/webhook'
import { hashAddress } from '../../functions/broadcasts/recipients'
import { startFakeResendBatch } from './fake-resend-batch'
import { startPayload } from './payload'

const WEBHOOK_SECRET = `whsec_${Buffer.from('broadcast-webhook-test-secret').toString('base64')}`

let payload: Payload
let cleanup: () => Promise<void>
let resend: Awaited<ReturnType<typeof startFakeResendBatch>>
let editor: { id: number; collection: 'users' } & Record<string, unknown>
let newsletter: number
const members: Record<string, number> = {}

async function addMember(email: string, name: string | null, consents: { subscribed: boolean; at: string }[] = []) {
  const member = await payload.create({
    collection: 'members',
    data: { email, name, emailVerifiedAt: '2026-01-01T00:00:00.000Z' },
    overrideAccess: true,
  })
  for (const c of consents)
    await payload.create({
      collection: 'consent-log',
      data: { member: member.id, topic: 'newsletter', subscribed: c.subscribed, source: 'account-page', at: c.at },
      overrideAccess: true,
    })
  return member.id
}

/** Runs the queue as the worker does, with the clock at `at` (only Date is moved; timers run as usual). */
async function runJobsAt(at: Date) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at)
  try {
    await payload.jobs.run({ queue: 'default' })
  } finally {
    vi.useRealTimers()
  }
}

/** A broadcast as an editor creates it through the API (access enforced): scheduled at `sendAt`. */
async function scheduleBroadcast(subject: string, sendAt: Date) {
  const post = await payload.create({
    collection: 'posts',
    locale: 'en',
    data: {
      title: 'Spring launch',
      slug: `spring-${sendAt.getTime()}`,
      excerpt: 'What is new this spring.',
      _status: 'published',
      visibility: 'public',
    },
    draft: false,
    overrideAccess: true,
  })
  return payload.create({
    collection: 'broadcasts',
    locale: 'en',
    data: { subject, segment: newsletter, post: post.id, sendAt: sendAt.toISOString(), status: 'scheduled' },
    overrideAccess: false,
    user: editor,
  })
}

const addressesOf = (emails: { to: string[] }[]) => emails.flatMap((e) => e.to).sort()
const unsubscribeUrl = (header: string) => header.match(/<(https?:[^>]+)>/)![1]!

function signed(id: string, body: string, at = new Date()) {
  const signature = new Webhook(WEBHOOK_SECRET).sign(id, at, body)
  return { id, timestamp: String(Math.floor(at.getTime() / 1000)), signature }
}

beforeAll(async () => {
  resend = await startFakeResendBatch()
  process.env.RESEND_API_KEY = 're_test_key'
  process.env.RESEND_BASE_URL = resend.url
  process.env.RESEND_WEBHOOK_SECRET = WEBHOOK_SECRET
  process.env.EMAIL_FROM = 'Brand <news@brand.example>'
  ;({ payload, cleanup } = await startPayload())
  editor = {
    ...(await payload.create({
      collection: 'users',
      data: { email: 'editor@brand.example', password: 'a long editor password', role: 'editor' },
      overrideAccess: true,
    })),
    collection: 'users',
  } as typeof editor
  newsletter = (await payload.find({ collection: 'segments', where: { slug: { equals: 'newsletter' } }, overrideAccess: true })).docs[0]!.id
  await payload.updateGlobal({
    slug: 'site-settings',
    locale: 'en',
    data: { brandName: 'Brand', postalAddress: '1 Harbour Road, Shanghai' },
    overrideAccess: true,
  })
  members.alice = await addMember('alice@people.example', 'Alice', [{ subscribed: true, at: '2026-01-02T00:00:00.000Z' }])
  members.bob = await addMember('bob@people.example', 'Bob', [
    { subscribed: true, at: '2026-01-02T00:00:00.000Z' },
    { subscribed: false, at: '2026-01-03T00:00:00.000Z' },
  ])
  members.carol = await addMember('carol@people.example', 'Carol')
  members.dave = await addMember('dave@people.example', 'Dave', [{ subscribed: true, at: '2026-01-02T00:00:00.000Z' }])
  members.erin = await addMember('erin@people.example', null, [{ subscribed: true, at: '2026-01-02T00:00:00.000Z' }])
  await payload.create({
    collection: 'suppressions',
    data: { addressHash: hashAddress('Dave@People.example'), reason: 'complaint', at: '2026-01-04T00:00:00.000Z' },
    overrideAccess: true,
  })
  await payload.create({
    collection: 'leads',
    data: { email: 'lead-only@people.example', name: 'Lead Only', status: 'new' },
    draft: false,
    overrideAccess: true,
  })
})

afterAll(async () => {
  await cleanup?.()
  await resend?.close()
})

describe('a broadcast to the newsletter segment', () => {
  let first: number
  it('is sent at sendAt to exactly the subscribed, unsuppressed recipients, with the unsubscribe headers', async () => {
    const sendAt = new Date(Date.now() + 60 * 60_000)
    first = (await scheduleBroadcast('Hello {name|friend}', sendAt)).id
    await runJobsAt(new Date(sendAt.getTime() - 60_000))
    expect(resend.requests()).toBe(0)

    resend.rateLimitNext(1)
    await runJobsAt(new Date(sendAt.getTime() + 1000))
    // One 429 (retry-after: 0), then the same batch again.
    expect(resend.requests()).toBe(2)
    expect(addressesOf(resend.received)).toEqual(['alice@people.example', 'erin@people.example'])
    const alice = resend.received.find((e) => e.to[0] === 'alice@people.example')!
    const erin = resend.received.find((e) => e.to[0] === 'erin@people.example')!
    expect([alice.subject, erin.subject]).toEqual(['Hello Alice', 'Hello friend'])
    expect(alice.from).toBe('Brand <news@brand.example>')
    expect(alice.headers?.['List-Unsubscribe']).toMatch(
      /^<mailto:unsubscribe@brand\.example\?subject=unsubscribe%20[^>]+>, <http:\/\/localhost:\d+\/unsubscribe\?token=[^>]+>$/,
    )
    expect(alice.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(alice.html).toContain(unsubscribeUrl(alice.headers!['List-Unsubscribe']!))
    expect(alice.html).toContain('1 Harbour Road, Shanghai')
    expect(alice.html).not.toContain(unsubscribeUrl(erin.headers!['List-Unsubscribe']!))
    // The post's link goes through the brand's /l/ route.
    expect(alice.html).toMatch(/href="http:\/\/localhost:\d+\/l\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+"/)
    expect(alice.idempotencyKey).toMatch(new RegExp(`^broadcast-${first}-0-[0-9a-f]{32}$`))

    const broadcast = await payload.findByID({ collection: 'broadcasts', id: first, overrideAccess: true })
    expect([broadcast.status, broadcast.recipients]).toEqual(['sent', 2])
    const deliveries = await payload.find({
      collection: 'broadcast-deliveries',
      where: { broadcast: { equals: first } },
      sort: 'recipient',
      overrideAccess: true,
    })
    expect(deliveries.docs.map((d) => [d.recipient, d.status, d.batch])).toEqual([
      [`m:${members.alice}`, 'sent', 0],
      [`m:${members.erin}`, 'sent', 0],
    ])
    expect(deliveries.docs.map((d) => d.providerId)).toEqual(
      [resend.received.indexOf(alice), resend.received.indexOf(erin)].map((i) => resend.ids[i]),
    )
  })

  it('once sent, its content and segment cannot change (a batch sent again must be the same request), its status and public flag can', async () => {
    const edit = (data: Record<string, unknown>) =>
      payload.update({ collection: 'broadcasts', id: first, locale: 'en', data, overrideAccess: false, user: editor })
    await expect(edit({ subject: 'Hello again' })).rejects.toMatchObject({
      data: {
        errors: [
          {
            path: 'subject',
            message:
              'This broadcast is being sent or was sent: its content and segment can no longer change. Make a new broadcast instead.',
          },
        ],
      },
    })
    const stored = await payload.findByID({ collection: 'broadcasts', id: first, locale: 'en', depth: 0, overrideAccess: true })
    expect(stored.subject).toBe('Hello {name|friend}')
    // The admin saves the whole form: the same subject, post and segment pass, and so does the public flag.
    const saved = await edit({ subject: stored.subject, post: stored.post, segment: stored.segment, public: true })
    expect([saved.subject, saved.public, saved.status]).toEqual(['Hello {name|friend}', true, 'sent'])
  })

  it('a click on a tracked link is counted for its recipient and becomes an email touch', async () => {
    const alice = resend.received.find((e) => e.to[0] === 'alice@people.example')!
    const href = alice.html.match(/href="(http:\/\/localhost:\d+\/l\/[^"]+)"/)![1]!
    const { GET } = await import('../../site/pages/l/[token]')
    const url = new URL(href)
    const response = await GET({ params: { token: url.pathname.slice(3) }, request: new Request(url), url } as unknown as Parameters<
      typeof GET
    >[0])
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toMatch(/^http:\/\/localhost:\d+\/en\/blog\/spring-\d+$/)
    const touches = await payload.find({ collection: 'touches', where: { channel: { equals: 'email' } }, overrideAccess: true })
    expect(touches.docs.map((t) => [t.campaign, t.medium, t.landingPage])).toEqual([
      [`broadcast-${first}`, 'email', response.headers.get('location')!.replace(/^http:\/\/localhost:\d+/, '')],
    ])
    const forged = await GET({ params: { token: `${url.pathname.slice(3)}x` }, request: new Request(url), url } as unknown as Parameters<
      typeof GET
    >[0])
    expect(forged.status).toBe(404)
  })

  it('counts the leads and members that came from it (a touch of its campaign) within 30 days', async () => {
    const click = { channel: 'email', campaign: `broadcast-${first}` }
    const { plannedAt } = await payload.findByID({ collection: 'broadcasts', id: first, overrideAccess: true })
    // They sign up the day after the send (the send ran at its sendAt, an hour from the real now).
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse(plannedAt!) + 86_400_000)
    try {
      await payload.create({
        collection: 'leads',
        data: { email: 'came@people.example', status: 'new', lastTouch: click },
        overrideAccess: true,
      })
      await payload.create({
        collection: 'leads',
        data: { email: 'other@people.example', status: 'new', lastTouch: { channel: 'email', campaign: 'broadcast-999' } },
        overrideAccess: true,
      })
      await payload.create({ collection: 'members', data: { email: 'joined@people.example', firstTouch: click }, overrideAccess: true })
    } finally {
      vi.useRealTimers()
    }
    const { statsOf } = await import('../../cms/broadcasts/stats')
    expect(await statsOf(payload, String(first))).toMatchObject({ recipients: 2, accepted: 2, clicked: 1, leads: 1, members: 1 })
  })

  it('a one-click POST to the List-Unsubscribe URL unsubscribes, and the next broadcast leaves that person out', async () => {
    const alice = resend.received.find((e) => e.to[0] === 'alice@people.example')!
    const url = new URL(unsubscribeUrl(alice.headers!['List-Unsubscribe']!))
    const { POST } = await import('../../site/pages/unsubscribe')
    const request = new Request(url, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    const response = await POST({ url, request } as unknown as Parameters<typeof POST>[0])
    expect(response.status).toBe(200)
    const log = await payload.find({
      collection: 'consent-log',
      where: { member: { equals: members.alice } },
      sort: 'at',
      overrideAccess: true,
    })
    expect(log.docs.map((e) => [e.topic, e.subscribed, e.source])).toEqual([
      ['newsletter', true, 'account-page'],
      ['newsletter', false, 'email-link'],
    ])
    const forged = await POST({
      url: new URL('/unsubscribe?token=abc.def', url),
      request: new Request(new URL('/unsubscribe?token=abc.def', url), {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    } as unknown as Parameters<typeof POST>[0])
    expect(forged.status).toBe(400)

    resend.reset()
    const second = await scheduleBroadcast('Second issue', new Date(Date.now() - 1000))
    await runJobsAt(new Date())
    expect(addressesOf(resend.received)).toEqual(['erin@people.example'])
    expect((await payload.findByID({ collection: 'broadcasts', id: second.id, overrideAccess: true })).status).toBe('sent')
  })
})

describe('a segment preview', () => {
  it('counts who a broadcast would reach now and shows the first of them, for editors only', async () => {
    const { segmentRecipientsEndpoint } = await import('../../cms/broadcasts/preview')
    const call = (user: unknown) =>
      segmentRecipientsEndpoint.handler({ payload, user, routeParams: { id: String(newsletter) } } as unknown as Parameters<
        typeof segmentRecipientsEndpoint.handler
      >[0])
    const answer = await call(editor)
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({ count: 1, first: [{ key: `m:${members.erin}`, email: 'erin@people.example', name: null }] })
    expect((await call(null)).status).toBe(403)
  })
})

describe('a live segment count while rules are edited (POST /api/segments/preview)', () => {
  it('counts the rules as the form holds them, names the bad ones, and refuses what is not JSON or not an editor', async () => {
    const { segmentPreviewEndpoint } = await import('../../cms/broadcasts/preview')
    const call = (user: unknown, body: string) =>
      segmentPreviewEndpoint.handler({ payload, user, text: async () => body } as unknown as Parameters<
        typeof segmentPreviewEndpoint.handler
      >[0])
    const newsletterRules = JSON.stringify({ match: 'all', rules: [{ kind: 'topic', topic: 'newsletter' }] })
    const ok = await call(editor, newsletterRules)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ count: 1, first: [{ key: `m:${members.erin}`, email: 'erin@people.example', name: null }] })
    const anyOf = await call(
      editor,
      JSON.stringify({
        match: 'any',
        rules: [
          { kind: 'topic', topic: 'newsletter' },
          { kind: 'leadStatus', status: 'new' },
        ],
      }),
    )
    expect(((await anyOf.json()) as { count: number }).count).toBeGreaterThan(1)
    const bad = await call(editor, JSON.stringify({ match: 'all', rules: [{ kind: 'points', above: -5 }, {}] }))
    expect(bad.status).toBe(422)
    expect(await bad.json()).toEqual({
      errors: [
        { rule: 0, field: 'above', message: 'Give a number of points, 0 or more.' },
        { rule: 1, field: 'kind', message: 'Choose what the rule looks at.' },
      ],
    })
    expect((await call(editor, 'not json')).status).toBe(400)
    expect((await call(editor, 'x'.repeat(70_000))).status).toBe(413)
    expect((await call(null, newsletterRules)).status).toBe(403)
  })
})

describe('Resend webhooks', () => {
  let receive: typeof receiveResendWebhook
  let providerId: string
  beforeAll(async () => {
    ;({ receiveResendWebhook: receive } = await import('../../cms/broadcasts/webhook'))
    const erin = (
      await payload.find({
        collection: 'broadcast-deliveries',
        where: { recipient: { equals: `m:${members.erin}` } },
        sort: '-id',
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]!
    providerId = erin.providerId!
  })
  const event = (type: string, email: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      type,
      created_at: new Date().toISOString(),
      data: { email_id: providerId, to: [email], subject: 'Second issue', ...extra },
    })

  it('a signed hard bounce and a signed complaint suppress the address; a delivery does not', async () => {
    const delivered = event('email.delivered', 'erin@people.example')
    expect(await receive(payload, signed('msg_delivered', delivered), delivered, new Date())).toEqual({
      status: 200,
      body: { ok: true, message: 'Stored.' },
    })
    const bounce = event('email.bounced', 'erin@people.example', {
      bounce: { type: 'Permanent', subType: 'General', message: 'No such user' },
    })
    expect((await receive(payload, signed('msg_bounce', bounce), bounce, new Date())).status).toBe(200)
    const complaint = event('email.complained', 'carol@people.example')
    expect((await receive(payload, signed('msg_complaint', complaint), complaint, new Date())).status).toBe(200)
    const suppressions = await payload.find({ collection: 'suppressions', sort: 'at', overrideAccess: true, limit: 10 })
    expect(suppressions.docs.map((s) => [s.addressHash, s.reason])).toEqual([
      [hashAddress('dave@people.example'), 'complaint'],
      [hashAddress('erin@people.example'), 'bounce'],
      [hashAddress('carol@people.example'), 'complaint'],
    ])
    const events = await payload.find({
      collection: 'broadcast-events',
      where: { providerId: { equals: providerId } },
      sort: 'eventId',
      overrideAccess: true,
    })
    expect(events.docs.map((e) => [e.eventId, e.type, e.recipient])).toEqual([
      ['msg_bounce', 'bounced', `m:${members.erin}`],
      ['msg_complaint', 'complained', `m:${members.erin}`],
      ['msg_delivered', 'delivered', `m:${members.erin}`],
    ])
    const { statsOf } = await import('../../cms/broadcasts/stats')
    const broadcast = events.docs[0]!.broadcast as { id: number } | number
    expect(await statsOf(payload, String(typeof broadcast === 'object' ? broadcast.id : broadcast))).toEqual({
      recipients: 1,
      accepted: 1,
      delivered: 1,
      bounced: 1,
      complained: 1,
      opened: 0,
      clicked: 0,
      unsubscribed: 0,
      leads: 0,
      members: 0,
    })
  })

  it('refuses an unsigned, a badly signed, a stale and a replayed webhook, and stores nothing for them', async () => {
    const bounce = event('email.bounced', 'alice@people.example')
    const before = (await payload.count({ collection: 'broadcast-events', overrideAccess: true })).totalDocs
    expect(await receive(payload, { id: 'msg_x', timestamp: null, signature: null }, bounce, new Date())).toEqual({
      status: 401,
      body: { ok: false, message: 'Refused: unsigned.' },
    })
    const forged = { ...signed('msg_y', bounce), signature: `v1,${Buffer.alloc(32).toString('base64')}` }
    expect((await receive(payload, forged, bounce, new Date())).body.message).toBe('Refused: bad-signature.')
    const stale = signed('msg_z', bounce, new Date(Date.now() - 10 * 60_000))
    expect((await receive(payload, stale, bounce, new Date())).body.message).toBe('Refused: stale.')
    const complaint = event('email.complained', 'carol@people.example')
    expect(await receive(payload, signed('msg_complaint', complaint), complaint, new Date())).toEqual({
      status: 409,
      body: { ok: false, message: 'Refused: this event was received already.' },
    })
    expect((await payload.count({ collection: 'broadcast-events', overrideAccess: true })).totalDocs).toBe(before)
    expect(
      (
        await payload.count({
          collection: 'suppressions',
          where: { addressHash: { equals: hashAddress('alice@people.example') } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(0)
  })
})

describe('a batch whose answer never came', () => {
  it('is sent again under its key at once, and every recipient has the broadcast exactly once (the worker killed: broadcast-worker-killed.test.ts)', async () => {
    const crowd: string[] = []
    for (let i = 0; i < 210; i += 1) {
      const email = `reader${String(i).padStart(3, '0')}@crowd.example`
      crowd.push(email)
      await addMember(email, `Reader ${i}`, [{ subscribed: true, at: '2026-01-05T00:00:00.000Z' }])
    }
    resend.reset()
    // The second batch is taken by Resend, then the answer never comes: as if the connection dropped there.
    resend.dropAfterAccepting(2)
    const broadcast = await scheduleBroadcast('Big issue', new Date(Date.now() - 1000))
    // With no answer, whether Resend took the batch is unknown: the sender sends it again under its
    // key at once, and Resend answers from memory without sending.
    await runJobsAt(new Date())
    const expected = [...crowd, 'erin@people.example'].filter((e) => e !== 'erin@people.example').sort()
    expect(addressesOf(resend.received)).toEqual(expected)
    expect(new Set(addressesOf(resend.received)).size).toBe(210)
    // The unanswered batch was sent again under its key, and Resend answered it without sending.
    expect(resend.duplicates()).toBe(1)
    const done = await payload.findByID({ collection: 'broadcasts', id: broadcast.id, overrideAccess: true })
    expect([done.status, done.recipients]).toEqual(['sent', 210])
    expect(
      (
        await payload.count({
          collection: 'broadcast-deliveries',
          where: { broadcast: { equals: broadcast.id }, status: { equals: 'sent' } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(210)
  }, 240_000)
})
