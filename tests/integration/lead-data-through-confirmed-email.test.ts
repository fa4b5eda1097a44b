// Issue 11, item 1: a lead's data reaches a member only through a confirmed email. An attacker who
// signs up with someone's address (and cannot confirm it) exports, sees and erases nothing of theirs.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { harness } from './members-harness'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let h: ReturnType<typeof harness>
let lead: { id: number }
let submission: { id: number }

const VICTIM = 'victim@example.com'
const VALUES = { email: VICTIM, name: 'Wang Fang', phone: '+8613800138000', company: 'Victim Co', message: 'Call me about the quote' }

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  h = harness(payload)
  const form = await payload.create({
    collection: 'forms',
    locale: 'en',
    data: { name: 'Contact', fields: [{ name: 'email', type: 'email', label: 'Email' }], defaultRecipient: 'sales@example.com' },
  })
  lead = await payload.create({
    collection: 'leads',
    data: { email: VICTIM, name: 'Wang Fang', phone: '+8613800138000', status: 'contacted' },
  })
  submission = await payload.create({
    collection: 'submissions',
    data: { form: form.id, lead: lead.id, values: VALUES, locale: 'en', userAgent: 'Victim browser' },
  })
})
afterAll(async () => cleanup?.())

async function signUpUnconfirmed(email: string, password: string) {
  const res = await h.call('POST', '/en/account/sign-up', { body: { email, password, name: 'Mallory' }, ip: '198.51.100.66' })
  expect(res.status).toBe(201)
  return h.sessionOf(res)
}

describe('a member whose email is not confirmed reaches nothing of the lead with that email', () => {
  it('the export holds none of the lead’s submissions', async () => {
    const cookie = await signUpUnconfirmed(VICTIM, 'Mallory-owns 4242')
    const exported = await h.call('POST', '/en/account/data/export', { body: {}, cookie })
    expect(exported.status).toBe(200)
    expect(exported.json?.account).toMatchObject({ email: VICTIM, emailVerified: false })
    expect(exported.json?.submissions).toEqual([])
    for (const secret of ['Call me about the quote', 'Victim Co', '+8613800138000', 'Victim browser'])
      expect(JSON.stringify(exported.json)).not.toContain(secret)
  })

  it('/account/requests lists nothing', async () => {
    const signed = await h.call('POST', '/en/account/sign-in', {
      body: { email: VICTIM, password: 'Mallory-owns 4242' },
      ip: '198.51.100.66',
    })
    const requests = await h.call('GET', '/en/account/requests', { cookie: h.sessionOf(signed) })
    expect(requests.model?.data.requests).toEqual([])
  })

  it('erasing the account leaves the lead and its submission as they were', async () => {
    const signed = await h.call('POST', '/en/account/sign-in', {
      body: { email: VICTIM, password: 'Mallory-owns 4242' },
      ip: '198.51.100.66',
    })
    const erased = await h.call('POST', '/en/account/data/delete', {
      body: { password: 'Mallory-owns 4242' },
      cookie: h.sessionOf(signed),
      ip: '198.51.100.66',
    })
    expect([erased.status, erased.json]).toEqual([200, { ok: true, erased: true }])
    const storedLead = await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })
    expect([storedLead.email, storedLead.name, storedLead.phone, storedLead.anonymisedAt ?? null, storedLead.member ?? null]).toEqual([
      VICTIM,
      'Wang Fang',
      '+8613800138000',
      null,
      null,
    ])
    const storedSubmission = await payload.findByID({ collection: 'submissions', id: submission.id, depth: 0 })
    expect([storedSubmission.values, storedSubmission.userAgent, storedSubmission.anonymisedAt ?? null]).toEqual([
      VALUES,
      'Victim browser',
      null,
    ])
  })

  it('once the person confirms the email, the lead is theirs: the export and requests show it', async () => {
    const { cookie } = await h.signUp(VICTIM, 'Harbour-lights 2026', { ip: '198.51.100.7' })
    const exported = await h.call('POST', '/en/account/data/export', { body: {}, cookie })
    expect(exported.json?.submissions.map((s: { id: string }) => s.id)).toEqual([String(submission.id)])
    const requests = await h.call('GET', '/en/account/requests', { cookie })
    expect(requests.model?.data.requests).toHaveLength(1)
  })
})
