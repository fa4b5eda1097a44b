// Issue 11, item 10: admin.readOnly is enforced with field access. A sales user PATCHing a lead or a
// submission (the Local API with overrideAccess: false runs the same access as REST) changes the
// pipeline fields they own and none of the stored evidence.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/payload-types'
import { row } from './fixtures'
import { deliveryAttempts, startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let sales: User
let lead: { id: number }
let submission: { id: number }
let member: { id: number }

const CONSENTS = [{ key: 'marketing', text: 'You may email me about offers.', accepted: true }]
const DELIVERY = {
  kind: 'sales email',
  status: 'sent',
  to: 'sales@example.com',
  providerId: 'p-1',
  at: '2026-11-01T00:00:00.000Z',
} as const

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  sales = {
    ...(await payload.create({ collection: 'users', data: { email: 'sales@test.example', password: 'a-Strong-passw0rd', role: 'sales' } })),
    collection: 'users' as const,
  }
  const form = await payload.create({
    collection: 'forms',
    locale: 'en',
    data: { name: 'Contact', fields: [{ name: 'email', type: 'email', label: 'Email' }], defaultRecipient: 'sales@example.com' },
  })
  member = await payload.create({ collection: 'members', data: { email: 'real@example.com', referralCode: 'REALREAL' } })
  lead = await payload.create({
    collection: 'leads',
    data: { email: 'real@example.com', status: 'new', member: member.id, firstTouch: { channel: 'wechat' } },
  })
  await payload.create({ collection: 'lead-deliveries', data: { ...DELIVERY, lead: lead.id } })
  submission = await payload.create({
    collection: 'submissions',
    data: {
      form: form.id,
      lead: lead.id,
      values: { email: 'real@example.com', message: 'Original' },
      consents: CONSENTS,
      locale: 'en',
      pageUrl: 'http://localhost:4321/contact',
    },
  })
})
afterAll(async () => cleanup?.())

describe('read-only fields stay read-only through the API', () => {
  it('a sales user’s PATCH of a lead changes its status and notes, not its member, deliveries, anonymisedAt or touches', async () => {
    const other = await payload.create({ collection: 'members', data: { email: 'mallory@example.com', referralCode: 'MALLORYX' } })
    await payload.update({
      collection: 'leads',
      id: lead.id,
      data: {
        status: 'contacted',
        notes: 'Called',
        member: other.id,
        // A forged write of the join field, in the shape a client would send it; the generated type
        // (the join's read shape, { docs }) refuses it, which is the point.
        deliveries: [] as never,
        anonymisedAt: '2026-11-02T00:00:00.000Z',
        becameMemberAt: '2020-01-01T00:00:00.000Z',
        firstTouch: { channel: 'x' },
        deliveryProblem: 'none',
      },
      overrideAccess: false,
      user: sales,
    })
    const stored = await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })
    expect([
      stored.status,
      stored.notes,
      stored.member,
      stored.anonymisedAt ?? null,
      stored.becameMemberAt ?? null,
      stored.firstTouch,
      stored.deliveryProblem ?? null,
    ]).toEqual(['contacted', 'Called', member.id, null, null, { channel: 'wechat' }, null])
    expect((await deliveryAttempts(payload, lead.id)).map((d) => [d.kind, d.status, d.to, d.providerId])).toEqual([
      ['sales email', 'sent', 'sales@example.com', 'p-1'],
    ])
    // Nor can they write or rewrite an attempt of their own.
    await expect(
      payload.create({
        collection: 'lead-deliveries',
        data: { ...DELIVERY, lead: lead.id },
        overrideAccess: false,
        user: sales,
      }),
    ).rejects.toThrow('You are not allowed to perform this action.')
    const [attempt] = await deliveryAttempts(payload, lead.id)
    await expect(
      payload.update({
        collection: 'lead-deliveries',
        id: attempt!.id,
        data: { status: 'failed' },
        overrideAccess: false,
        user: sales,
      }),
    ).rejects.toThrow('You are not allowed to perform this action.')
  })

  it('a sales user’s PATCH of a submission changes none of its values, consent evidence or lead', async () => {
    const otherLead = await payload.create({ collection: 'leads', data: row('leads', { email: 'else@example.com' }) })
    await payload.update({
      collection: 'submissions',
      id: submission.id,
      data: {
        values: { email: 'real@example.com', message: 'Forged' },
        consents: [],
        lead: otherLead.id,
        pageUrl: 'https://evil.example',
        anonymisedAt: '2026-11-02T00:00:00.000Z',
      },
      overrideAccess: false,
      user: sales,
    })
    const stored = await payload.findByID({ collection: 'submissions', id: submission.id, depth: 0 })
    expect([stored.values, stored.consents, stored.lead, stored.pageUrl, stored.anonymisedAt ?? null]).toEqual([
      { email: 'real@example.com', message: 'Original' },
      CONSENTS,
      lead.id,
      'http://localhost:4321/contact',
      null,
    ])
  })

  it('the site and the jobs (Local API as themselves) still write those fields', async () => {
    await payload.update({ collection: 'leads', id: lead.id, data: { deliveryProblem: 'webhook failed' } })
    expect((await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })).deliveryProblem).toBe('webhook failed')
  })
})
