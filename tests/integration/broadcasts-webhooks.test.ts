// Resend's webhooks about a sent broadcast: bounces and complaints suppress the address; forged or replayed ones are refused.
import { beforeAll, describe, expect, it } from 'vitest'

import type { receiveResendWebhook } from '../../cms/broadcasts/webhook'
import { hashAddress } from '../../functions/broadcasts/recipients'
import { members, payload, runJobsAt, scheduleBroadcast, signed, unsubscribedByEmailLink, useBroadcasts } from './broadcasts-harness'

useBroadcasts()

// As after the first broadcast (broadcasts-send.test.ts): Alice unsubscribed by its link, then a second issue sent, to Erin alone.
beforeAll(async () => {
  await unsubscribedByEmailLink(members.alice!)
  await scheduleBroadcast('Second issue', new Date(Date.now() - 1000))
  await runJobsAt(new Date())
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
