import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { addMember, addressesOf, runJobsAt, scheduleBroadcast, startBroadcastWorld, unsubscribeUrl } from './broadcasts-harness'

// Broadcasts sent to the newsletter segment: who gets them, the tracked links, one-click
// unsubscribe, the segment preview, and a send cut short. Resend's webhooks: broadcast-webhooks.test.ts.

let world: Awaited<ReturnType<typeof startBroadcastWorld>>
let payload: Payload
let resend: typeof world.resend
let editor: typeof world.editor
let newsletter: number
let members: Record<string, number>

beforeAll(async () => {
  world = await startBroadcastWorld()
  ;({ payload, resend, editor, newsletter, members } = world)
})

afterAll(async () => {
  await world?.stop()
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

describe('a send cut short', () => {
  it('after the worker dies with a batch taken but unanswered, the rerun gives every recipient the broadcast exactly once', async () => {
    const crowd: string[] = []
    for (let i = 0; i < 210; i += 1) {
      const email = `reader${String(i).padStart(3, '0')}@crowd.example`
      crowd.push(email)
      await addMember(email, `Reader ${i}`, [{ subscribed: true, at: '2026-01-05T00:00:00.000Z' }])
    }
    resend.reset()
    // The second batch is taken by Resend, then the answer never comes: as if the worker were killed there.
    resend.dropAfterAccepting(2)
    const broadcast = await scheduleBroadcast('Big issue', new Date(Date.now() - 1000))
    await runJobsAt(new Date())
    const cut = await payload.findByID({ collection: 'broadcasts', id: broadcast.id, overrideAccess: true })
    expect(cut.status).toBe('sending')
    expect(resend.received.length).toBe(200)

    resend.dropAfterAccepting(null)
    // The job's retry waits for its backoff: the next run is a minute later.
    await runJobsAt(new Date(Date.now() + 60_000))
    // The crowd and erin (alice unsubscribed above; bob, carol and dave never get mail).
    const expected = [...crowd, 'erin@people.example'].sort()
    expect(addressesOf(resend.received)).toEqual(expected)
    expect(new Set(addressesOf(resend.received)).size).toBe(211)
    // The unanswered batch was sent again under its key, and Resend answered it without sending.
    expect(resend.duplicates()).toBe(1)
    const done = await payload.findByID({ collection: 'broadcasts', id: broadcast.id, overrideAccess: true })
    expect([done.status, done.recipients]).toEqual(['sent', 211])
    expect(
      (
        await payload.count({
          collection: 'broadcast-deliveries',
          where: { broadcast: { equals: broadcast.id }, status: { equals: 'sent' } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(211)
  }, 240_000)
})
