// A broadcast to the newsletter segment: sent at its time to the right recipients, then frozen, clicked, counted and unsubscribed from.
import { describe, expect, it, vi } from 'vitest'

import {
  addressesOf,
  editor,
  members,
  payload,
  resend,
  runJobsAt,
  scheduleBroadcast,
  unsubscribeUrl,
  useBroadcasts,
} from './broadcasts-harness'
import { routeContext } from './route-context'

useBroadcasts()

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

  it(
    'once sent, its content and segment cannot change (a batch sent again must be the same request), ' + 'its status and public flag can',
    async () => {
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
    },
  )

  it('a click on a tracked link is counted for its recipient and becomes an email touch', async () => {
    const alice = resend.received.find((e) => e.to[0] === 'alice@people.example')!
    const href = alice.html.match(/href="(http:\/\/localhost:\d+\/l\/[^"]+)"/)![1]!
    const { GET } = await import('../../site/pages/l/[token]')
    const url = new URL(href)
    const response = await GET(routeContext({ params: { token: url.pathname.slice(3) }, request: new Request(url), url }))
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toMatch(/^http:\/\/localhost:\d+\/en\/blog\/spring-\d+$/)
    const touches = await payload.find({ collection: 'touches', where: { channel: { equals: 'email' } }, overrideAccess: true })
    expect(touches.docs.map((t) => [t.campaign, t.medium, t.landingPage])).toEqual([
      [`broadcast-${first}`, 'email', response.headers.get('location')!.replace(/^http:\/\/localhost:\d+/, '')],
    ])
    const forged = await GET(routeContext({ params: { token: `${url.pathname.slice(3)}x` }, request: new Request(url), url }))
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
    const response = await POST(routeContext({ url, request }))
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
    const forged = await POST(
      routeContext({
        url: new URL('/unsubscribe?token=abc.def', url),
        request: new Request(new URL('/unsubscribe?token=abc.def', url), {
          method: 'POST',
          body: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      }),
    )
    expect(forged.status).toBe(400)

    resend.reset()
    const second = await scheduleBroadcast('Second issue', new Date(Date.now() - 1000))
    await runJobsAt(new Date())
    expect(addressesOf(resend.received)).toEqual(['erin@people.example'])
    expect((await payload.findByID({ collection: 'broadcasts', id: second.id, overrideAccess: true })).status).toBe('sent')
  })
})
