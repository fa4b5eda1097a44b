// A delivery that fails on its last attempt: shown on the lead until one of its kind succeeds, and told to the admins.
import { describe, expect, it } from 'vitest'

import { crm, deliveriesOf, payload, queue, quietForm, resend, runAll, SECRET, submit, useDeliveries } from './deliveries-harness'

useDeliveries()

describe('a delivery that fails on its last attempt', () => {
  it('is tried 7 times, then shown on the lead until a delivery of the same kind succeeds', async () => {
    const form = await payload.create({
      collection: 'forms',
      locale: 'en',
      data: {
        name: 'Broken CRM',
        fields: [
          { name: 'name', type: 'text', label: 'Name' },
          { name: 'email', type: 'email', label: 'Email' },
        ],
        defaultRecipient: 'sales@test.example',
        autoresponder: { enabled: true, subject: 'Hi {name}', body: 'Thanks.' },
        webhook: { url: `${crm.url}/always-fails`, secret: SECRET },
      },
    })
    const first = await submit(form.id, { name: 'Lin', email: 'lin@example.com' })
    const jobId = await queue('sendWebhook', first.submission.id)
    await runAll()

    expect(crm.received.map((r) => [r.path, r.headers['x-webhook-id'], r.genuine])).toEqual(
      Array(7).fill(['/always-fails', `submission-${first.submission.id}`, true]),
    )
    const job = await payload.findByID({ collection: 'payload-jobs', id: jobId, depth: 0 })
    expect([job.totalTried, job.hasError, job.completedAt ?? null]).toEqual([7, true, null])
    const problem = `webhook to ${crm.host} failed after 7 attempts: HTTP 503`
    let { lead, rows } = await deliveriesOf(first.lead.id)
    expect(rows).toEqual(Array(7).fill(['webhook', 'failed', crm.host, null, 'HTTP 503']))
    expect(lead.deliveryProblem).toBe(problem)
    // Admins list and filter leads by it.
    expect(
      (await payload.find({ collection: 'leads', where: { deliveryProblem: { exists: true } }, depth: 0 })).docs.map((l) => l.id),
    ).toEqual([first.lead.id])

    // Another kind of delivery succeeding says nothing about the webhook.
    const second = await payload.create({
      collection: 'submissions',
      data: { form: form.id, lead: first.lead.id, values: { name: 'Lin', email: 'lin@example.com' }, locale: 'en', isSpam: false },
    })
    await queue('autorespond', second.id)
    await runAll()
    ;({ lead, rows } = await deliveriesOf(first.lead.id))
    expect(rows.at(-1)).toEqual(['autoresponder', 'sent', 'lin@example.com', 're_1', null])
    expect(lead.deliveryProblem).toBe(problem)

    // Once the admin fixes the URL, the next webhook goes through and the problem is cleared.
    await payload.update({ collection: 'forms', id: form.id, locale: 'en', data: { webhook: { url: `${crm.url}/hooks`, secret: SECRET } } })
    await queue('sendWebhook', second.id)
    await runAll()
    ;({ lead, rows } = await deliveriesOf(first.lead.id))
    expect(rows.at(-1)).toEqual(['webhook', 'sent', crm.host, `submission-${second.id}`, null])
    expect(lead.deliveryProblem ?? null).toBe(null)
  })

  it('works the same for the sales email', async () => {
    const { lead, submission } = await submit(quietForm, { name: 'Mo', email: 'mo@example.com' })
    resend.failNext(7)
    await queue('notifyLead', submission.id)
    await runAll()
    expect(resend.received).toEqual([])
    const { lead: after, rows } = await deliveriesOf(lead.id)
    expect(rows).toEqual(
      Array(7).fill(['sales email', 'failed', 'quiet@test.example', null, 'Resend refused the email (HTTP 500): Temporary failure']),
    )
    expect(after.deliveryProblem).toBe(
      'sales email to quiet@test.example failed after 7 attempts: Resend refused the email (HTTP 500): Temporary failure',
    )
  })
})

describe('the admins, when a delivery gives up', () => {
  it('get one email naming the lead; while Resend is down too, one Outbox entry instead', async () => {
    const admin = await payload.create({
      collection: 'users',
      data: { email: 'ops@test.example', password: 'a-Strong-passw0rd', role: 'admin' },
    })
    try {
      const { lead, submission } = await submit(quietForm, { name: 'Ola', email: 'ola@example.com' })
      resend.failNext(7)
      await queue('notifyLead', submission.id)
      await runAll()
      expect(resend.received.map((e) => [e.to, e.subject])).toEqual([[['ops@test.example'], `Delivery failed for lead ${lead.id}`]])
      expect(resend.received[0]!.text).toContain(
        'sales email to quiet@test.example failed after 7 attempts: Resend refused the email (HTTP 500): Temporary failure',
      )

      resend.received.length = 0
      const down = await submit(quietForm, { name: 'Pia', email: 'pia@example.com' })
      resend.outage(true)
      await queue('notifyLead', down.submission.id)
      await runAll()
      resend.outage(false)
      expect(resend.received).toEqual([])
      const outbox = await payload.find({
        collection: 'outbox',
        where: { subject: { equals: `Delivery failed for lead ${down.lead.id}` } },
        depth: 0,
      })
      expect(outbox.docs.map((d) => d.to)).toEqual(['ops@test.example'])
    } finally {
      await payload.delete({ collection: 'users', id: admin.id })
    }
  })
})
