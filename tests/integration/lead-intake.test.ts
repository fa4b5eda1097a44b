import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { salesEmailKey } from '../../functions/notifications/idempotency-key'
import { startFakeResend } from './fake-resend'
import { deliveryAttempts, startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let resend: Awaited<ReturnType<typeof startFakeResend>>
let submitForm: typeof import('../../site/lib/form-submit').submitForm
let formId: number

const meta = {
  locale: 'en',
  pageUrl: 'http://localhost:4321/contact?utm_source=wechat&utm_campaign=spring',
  referrer: 'https://mp.weixin.qq.com/s/abc',
  userAgent: 'test-agent',
  clientAddress: '203.0.113.9',
}

beforeAll(async () => {
  resend = await startFakeResend()
  process.env.RESEND_API_KEY = 're_test_key'
  process.env.RESEND_BASE_URL = resend.url
  ;({ payload, cleanup } = await startPayload())
  ;({ submitForm } = await import('../../site/lib/form-submit'))
  await payload.create({
    collection: 'users',
    data: { email: 'south@test.example', password: 'a-Strong-passw0rd', role: 'sales', language: 'en' },
  })
  const form = await payload.create({
    collection: 'forms',
    locale: 'en',
    data: {
      name: 'Contact us',
      defaultRecipient: 'sales@test.example',
      routing: [{ field: 'region', value: 'south', recipient: 'south@test.example' }],
      minSecondsToSubmit: 0,
      fields: [
        { name: 'name', type: 'text', label: 'Name', required: true, maxLength: 80 },
        { name: 'email', type: 'email', label: 'Email', required: true },
        {
          name: 'region',
          type: 'select',
          label: 'Region',
          options: [
            { value: 'east', label: 'East' },
            { value: 'south', label: 'South' },
          ],
        },
        { name: 'consent', type: 'consent', label: 'Consent', required: true, consentText: 'You may contact me.' },
      ],
    },
  })
  formId = form.id as number
})
afterAll(async () => {
  await cleanup?.()
  await resend?.close()
})

const runJobs = () => payload.jobs.run({ queue: 'default' })

describe('a submission', () => {
  it('is stored with its lead, then emailed to the routed sales person through Resend', async () => {
    const outcome = await submitForm({
      formId,
      fields: { name: 'Ada <script>alert(1)</script>', email: 'Ada@Example.com', region: 'South', consent: 'on', unknown: 'dropped' },
      ...meta,
    })
    expect(outcome.status).toBe(422) // 'South' is not an option value; 'south' is
    const stored = await submitForm({
      formId,
      fields: { name: 'Ada <script>alert(1)</script>', email: 'Ada@Example.com', region: 'south', consent: 'on', unknown: 'dropped' },
      ...meta,
    })
    expect(stored.status).toBe(201)

    const {
      docs: [submission],
    } = await payload.find({ collection: 'submissions', depth: 0 })
    expect(submission).toMatchObject({
      values: { name: 'Ada <script>alert(1)</script>', email: 'Ada@Example.com', region: 'south', consent: true },
      consents: [{ field: 'consent', text: 'You may contact me.' }],
      locale: 'en',
      isSpam: false,
      lastTouch: { source: 'wechat', campaign: 'spring', referrer: 'https://mp.weixin.qq.com/s/abc', landingPage: '/contact' },
    })
    expect(submission!.ipHash).toMatch(/^[0-9a-f]{32}$/)
    expect(JSON.stringify(submission)).not.toContain('203.0.113.9')
    const { docs: leads } = await payload.find({ collection: 'leads', depth: 0 })
    expect(leads.map((l) => [l.email, l.status])).toEqual([['ada@example.com', 'new']])
    expect(resend.received).toHaveLength(0) // nothing is sent in the visitor's request

    await runJobs()
    expect(resend.received).toHaveLength(1)
    const email = resend.received[0]!
    expect(email.to).toEqual(['south@test.example'])
    expect(email.reply_to).toEqual(['ada@example.com'])
    expect(email.subject).toBe('New lead: Contact us – Ada <script>alert(1)</script>')
    expect(email.html).toContain(
      '<th align="left" style="padding:4px 12px 4px 0">Name</th><td style="padding:4px 0">Ada &lt;script&gt;alert(1)&lt;/script&gt;</td>',
    )
    expect(email.html).not.toContain('<script>')
    expect(email.html).toContain(`/admin/collections/leads/${leads[0]!.id}`)
    expect(email.text).toContain('Region: south')
    expect(email.text).toContain('Channel: wechat')
    expect(email.idempotencyKey).toBe(salesEmailKey(submission!.id, 'south@test.example'))
    expect(email.idempotencyKey).not.toContain('@')
    expect((await deliveryAttempts(payload, leads[0]!.id)).map((d) => [d.status, d.to, d.providerId])).toEqual([
      ['sent', 'south@test.example', 're_1'],
    ])
  })

  it('attaches a second submission from the same person to the same lead', async () => {
    const again = await submitForm({ formId, fields: { name: 'Ada L.', email: ' ADA@example.com ', consent: 'on' }, ...meta })
    expect(again.status).toBe(201)
    expect((await payload.count({ collection: 'leads' })).totalDocs).toBe(1)
    expect((await payload.count({ collection: 'submissions' })).totalDocs).toBe(2)
  })

  it('is retried when Resend fails, and the lead shows the failed and the sent attempt', async () => {
    await runJobs() // deliver the previous test's email first
    resend.received.length = 0
    await submitForm({ formId, fields: { name: 'Grace', email: 'grace@example.com', consent: 'on' }, ...meta })
    resend.failNext(1)
    await runJobs()
    expect(resend.received).toHaveLength(0)
    // The retry waits for its backoff (2 s), then goes through.
    const deadline = Date.now() + 15_000
    while (resend.received.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500))
      await runJobs()
    }
    expect(resend.received.map((e) => e.to)).toEqual([['sales@test.example']])
    const {
      docs: [lead],
    } = await payload.find({ collection: 'leads', where: { email: { equals: 'grace@example.com' } }, depth: 0 })
    const attempts = await deliveryAttempts(payload, lead!.id)
    expect(attempts.map((d) => d.status)).toEqual(['failed', 'sent'])
    expect(attempts[0]?.reason).toBe('Resend refused the email (HTTP 500): Temporary failure')
  })

  it('marks likely spam, keeps it, and emails nobody', async () => {
    resend.received.length = 0
    const outcome = await submitForm({
      formId,
      fields: { name: 'Bot', email: 'bot@example.com', consent: 'on', website: 'http://spam.example' },
      ...meta,
    })
    expect(outcome.status).toBe(201)
    const {
      docs: [spam],
    } = await payload.find({ collection: 'submissions', where: { isSpam: { equals: true } }, depth: 0 })
    expect(spam).toMatchObject({ isSpam: true, spamScore: 100, spamReasons: ['honeypot filled'] })
    await runJobs()
    expect(resend.received).toHaveLength(0)

    // Sales cannot release it; an admin can, and then the email goes out.
    const sales = {
      ...(await payload.create({
        collection: 'users',
        data: { email: 'sales2@test.example', password: 'a-Strong-passw0rd', role: 'sales' },
      })),
      collection: 'users',
    }
    const kept = await payload.update({
      collection: 'submissions',
      id: spam!.id,
      data: { isSpam: false },
      overrideAccess: false,
      user: sales,
    })
    expect(kept.isSpam).toBe(true)
    const admin = {
      ...(await payload.create({
        collection: 'users',
        data: { email: 'admin@test.example', password: 'a-Strong-passw0rd', role: 'admin' },
      })),
      collection: 'users',
    }
    await payload.update({ collection: 'submissions', id: spam!.id, data: { isSpam: false }, overrideAccess: false, user: admin })
    await runJobs()
    expect(resend.received.map((e) => e.subject)).toEqual(['New lead: Contact us – Bot'])
  })

  it.each<[string, unknown, Record<string, unknown>, number]>([
    ['an unknown form', 999_999, { name: 'x' }, 404],
    ['a malformed form id', '../1', { name: 'x' }, 404],
    ['no form id', undefined, { name: 'x' }, 404],
    ['missing fields', 'FORM', {}, 422],
    ['a 1 MB name', 'FORM', { name: 'x'.repeat(1_000_000), email: 'a@b.co', consent: 'on' }, 422],
    ['an object for a string', 'FORM', { name: { $ne: 1 }, email: 'a@b.co', consent: 'on' }, 422],
    ['an array for a string', 'FORM', { name: ['a', 'b'], email: 'a@b.co', consent: 'on' }, 422],
    ['a bad email', 'FORM', { name: 'x', email: 'not-an-email', consent: 'on' }, 422],
  ])('refuses %s and stores nothing', async (_, id, fields, status) => {
    const before = (await payload.count({ collection: 'submissions' })).totalDocs
    const outcome = await submitForm({ formId: id === 'FORM' ? formId : id, fields, ...meta })
    expect(outcome.status).toBe(status)
    expect((await payload.count({ collection: 'submissions' })).totalDocs).toBe(before)
  })
})
