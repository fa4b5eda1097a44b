// The webhook of a form: the signed event the CRM receives, and its retry after a failure.
import { describe, expect, it } from 'vitest'

import { signWebhook } from '../../functions/notifications/webhook-signature'
import { contactForm, crm, deliveriesOf, payload, queue, runAll, SECRET, submit, touch, useDeliveries } from './deliveries-harness'

useDeliveries()

describe('the webhook', () => {
  it('POSTs the exact event as JSON with a signature the CRM verifies', async () => {
    const { lead, submission } = await submit(contactForm, { name: 'Ada', email: 'ada@example.com', product: 'cloud' }, { locale: 'en' })
    const before = Math.floor(Date.now() / 1000)
    await queue('sendWebhook', submission.id)
    await runAll()
    const after = Math.floor(Date.now() / 1000)

    expect(crm.received).toHaveLength(1)
    const [request] = crm.received
    const timestamp = Number(request!.headers['x-webhook-timestamp'])
    expect(timestamp).toBeGreaterThanOrEqual(before)
    expect(timestamp).toBeLessThanOrEqual(after)
    expect(request).toMatchObject({
      method: 'POST',
      path: '/hooks',
      genuine: true,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'brand-site-webhooks',
        'x-webhook-id': `submission-${submission.id}`,
        'x-webhook-signature': signWebhook(SECRET, timestamp, request!.body),
      },
    })
    const expected = {
      event: 'submission.created',
      id: `submission-${submission.id}`,
      createdAt: submission.createdAt,
      form: { id: contactForm, name: 'Contact us' },
      lead: { id: lead.id, email: 'ada@example.com', phone: '+8613800138000', name: 'Ada', status: 'new' },
      submission: {
        id: submission.id,
        values: { name: 'Ada', email: 'ada@example.com', product: 'cloud' },
        locale: 'en',
        pageUrl: 'http://localhost:4321/contact?utm_source=wechat',
        firstTouch: touch,
        lastTouch: touch,
        consents: [{ field: 'consent', text: 'You may contact me.' }],
      },
    }
    expect(request!.body).toBe(JSON.stringify(expected))
    expect(JSON.stringify(request)).not.toContain(SECRET)
    expect((await deliveriesOf(lead.id)).rows).toEqual([['webhook', 'sent', crm.host, `submission-${submission.id}`, null]])
  })

  it('is retried when the CRM answers 500, and the lead shows the failed and the sent attempt', async () => {
    const { lead, submission } = await submit(contactForm, { name: 'Grace', email: 'grace@example.com' })
    crm.answers.push(500)
    const jobId = await queue('sendWebhook', submission.id)
    await payload.jobs.run({ queue: 'default' })
    expect(crm.received.map((r) => [r.path, r.genuine])).toEqual([['/hooks', true]])
    const waiting = await payload.findByID({ collection: 'payload-jobs', id: jobId, depth: 0 })
    expect([waiting.totalTried, waiting.hasError ?? false, waiting.completedAt ?? null]).toEqual([1, false, null])
    // The first retry waits for its backoff of 2 s.
    expect(new Date(waiting.waitUntil!).getTime() - Date.now()).toBeGreaterThan(1000)

    await runAll()
    expect(crm.received.map((r) => [r.path, r.headers['x-webhook-id'], r.genuine])).toEqual([
      ['/hooks', `submission-${submission.id}`, true],
      ['/hooks', `submission-${submission.id}`, true],
    ])
    const { lead: after, rows } = await deliveriesOf(lead.id)
    expect(rows).toEqual([
      ['webhook', 'failed', crm.host, null, 'HTTP 500'],
      ['webhook', 'sent', crm.host, `submission-${submission.id}`, null],
    ])
    expect(after.deliveryProblem ?? null).toBe(null)
  })
})
