// The sales email, the autoresponder and the webhook of several submissions run at once, each logged on the lead.
import { describe, expect, it } from 'vitest'

import { contactForm, crm, deliveriesOf, payload, queue, resend, submit, useDeliveries } from './deliveries-harness'

useDeliveries()

describe('the three deliveries of a submission', () => {
  it('run at once, for three submissions of one lead, and all nine are logged on the lead', async () => {
    const { lead, submission } = await submit(contactForm, { name: 'Kai', email: 'kai@example.com', product: 'box' }, { locale: 'zh-CN' })
    const submissions = [submission.id]
    for (const name of ['Kai 2', 'Kai 3']) {
      const more = await payload.create({
        collection: 'submissions',
        data: { form: contactForm, lead: lead.id, values: { name, email: 'kai@example.com' }, locale: 'zh-CN', isSpam: false },
      })
      submissions.push(more.id)
    }
    for (const id of submissions) for (const task of ['notifyLead', 'autorespond', 'sendWebhook'] as const) await queue(task, id)
    await payload.jobs.run({ queue: 'default' })

    expect(resend.received.map((e) => [e.to[0], e.subject]).sort()).toEqual([
      ['kai@example.com', 'Kai 2，感谢您的留言'],
      ['kai@example.com', 'Kai 3，感谢您的留言'],
      ['kai@example.com', 'Kai，感谢您的留言'],
      ['sales@test.example', '新线索: 联系我们 – Kai'],
      ['sales@test.example', '新线索: 联系我们 – Kai'],
      ['sales@test.example', '新线索: 联系我们 – Kai'],
    ])
    expect(crm.received.map((r) => [r.headers['x-webhook-id'], r.genuine]).sort()).toEqual(
      submissions.map((id) => [`submission-${id}`, true]).sort(),
    )
    // Jobs for one lead run in parallel; none of their log entries may overwrite another's.
    const { rows } = await deliveriesOf(lead.id)
    const providerIds = resend.received.map((_, i) => `re_${i + 1}`)
    expect(rows.map(([kind, status, to]) => [kind, status, to]).sort()).toEqual([
      ...Array(3).fill(['autoresponder', 'sent', 'kai@example.com']),
      ...Array(3).fill(['sales email', 'sent', 'sales@test.example']),
      ...Array(3).fill(['webhook', 'sent', crm.host]),
    ])
    expect(
      rows
        .filter((r) => r[0] !== 'webhook')
        .map((r) => r[3])
        .sort(),
    ).toEqual(providerIds.sort())
    expect(
      rows
        .filter((r) => r[0] === 'webhook')
        .map((r) => r[3])
        .sort(),
    ).toEqual(submissions.map((id) => `submission-${id}`).sort())
  })
})
