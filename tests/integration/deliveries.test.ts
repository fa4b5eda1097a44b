import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Lead } from '../../cms/payload-types'
import { signWebhook } from '../../functions/notifications/webhook-signature'
import { deliveriesOf, providerIdOf, queue, runAll, SECRET, startDeliveryWorld, submit, touch } from './deliveries-harness'

// A submission's deliveries when they work: the autoresponder, the signed webhook, all three at
// once. When they fail: delivery-failures.test.ts.

let world: Awaited<ReturnType<typeof startDeliveryWorld>>
let payload: Payload
let resend: typeof world.resend
let crm: typeof world.crm
let contactForm: number
let quietForm: number

beforeAll(async () => {
  world = await startDeliveryWorld()
  ;({ payload, resend, crm, contactForm, quietForm } = world)
})
afterAll(async () => {
  await world?.stop()
})
beforeEach(() => {
  resend.received.length = 0
  crm.received.length = 0
})

describe('the autoresponder', () => {
  it('reaches the visitor in the language they submitted in, escaped, with Reply-To the default recipient', async () => {
    const en = await submit(contactForm, { name: 'Ada <b>&</b>', email: 'Ada@Example.com ', company: 'ACME' }, { locale: 'en' })
    const zh = await submit(contactForm, { name: '李雷', email: 'li@example.cn' }, { locale: 'zh-CN' })
    await queue('autorespond', en.submission.id)
    await queue('autorespond', zh.submission.id)
    await runAll()

    expect(resend.received).toHaveLength(2)
    const toAda = resend.received.find((e) => e.to[0] === 'Ada@Example.com')!
    const toLi = resend.received.find((e) => e.to[0] === 'li@example.cn')!
    expect(toAda).toEqual({
      from: expect.any(String),
      to: ['Ada@Example.com'],
      reply_to: ['sales@test.example'],
      subject: 'Thanks, Ada <b>&</b>',
      html: '<p>Dear Ada &lt;b&gt;&amp;&lt;/b&gt;,</p>\n<p>We got your message and will reply within one working day.<br>The Brand team</p>',
      text: 'Dear Ada <b>&</b>,\n\nWe got your message and will reply within one working day.\nThe Brand team',
      idempotencyKey: `autoresponder/${en.submission.id}/Ada@Example.com`,
    })
    expect(toLi).toEqual({
      from: expect.any(String),
      to: ['li@example.cn'],
      reply_to: ['sales@test.example'],
      subject: '李雷，感谢您的留言',
      html: '<p>李雷您好：</p>\n<p>我们已收到您的留言，将在一个工作日内回复。<br>品牌团队</p>',
      text: '李雷您好：\n\n我们已收到您的留言，将在一个工作日内回复。\n品牌团队',
      idempotencyKey: `autoresponder/${zh.submission.id}/li@example.cn`,
    })
    expect((await deliveriesOf(en.lead.id)).rows).toEqual([['autoresponder', 'sent', 'Ada@Example.com', providerIdOf(toAda), null]])
    expect((await deliveriesOf(zh.lead.id)).rows).toEqual([['autoresponder', 'sent', 'li@example.cn', providerIdOf(toLi), null]])
  })

  it.each<[string, () => Promise<{ lead: Lead; submission: { id: number } }>]>([
    ['the form has it switched off', () => submit(quietForm, { name: 'Grace', email: 'grace@example.com' })],
    ['the submission has no email', () => submit(contactForm, { name: 'Grace', company: 'ACME' })],
    ['the email is blank', () => submit(contactForm, { name: 'Grace', email: '  ' })],
  ])('sends nothing when %s', async (_, make) => {
    const { lead, submission } = await make()
    const jobId = await queue('autorespond', submission.id)
    await runAll()
    expect(resend.received).toEqual([])
    // Completed, so Payload deleted it (a job that gave up stays, with hasError).
    expect((await payload.count({ collection: 'payload-jobs', where: { id: { equals: jobId } } })).totalDocs).toBe(0)
    expect((await deliveriesOf(lead.id)).rows).toEqual([])
  })
})

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

describe('the three deliveries of a submission', () => {
  it('run at once, for three submissions of one lead, and all nine are logged on the lead', async () => {
    const { lead, submission } = await submit(contactForm, { name: 'Kai', email: 'kai@example.com', product: 'box' }, { locale: 'zh-CN' })
    const submissions = [submission.id]
    for (const name of ['Kai 2', 'Kai 3']) {
      const more = await payload.create({ collection: 'submissions', data: { form: contactForm, lead: lead.id, values: { name, email: 'kai@example.com' }, locale: 'zh-CN', isSpam: false } })
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
    expect(crm.received.map((r) => [r.headers['x-webhook-id'], r.genuine]).sort()).toEqual(submissions.map((id) => [`submission-${id}`, true]).sort())
    // Jobs for one lead run in parallel; none of their log entries may overwrite another's.
    const { rows } = await deliveriesOf(lead.id)
    const providerIds = resend.received.map((_, i) => `re_${i + 1}`)
    expect(rows.map(([kind, status, to]) => [kind, status, to]).sort()).toEqual([
      ...Array(3).fill(['autoresponder', 'sent', 'kai@example.com']),
      ...Array(3).fill(['sales email', 'sent', 'sales@test.example']),
      ...Array(3).fill(['webhook', 'sent', crm.host]),
    ])
    expect(rows.filter((r) => r[0] !== 'webhook').map((r) => r[3]).sort()).toEqual(providerIds.sort())
    expect(rows.filter((r) => r[0] === 'webhook').map((r) => r[3]).sort()).toEqual(submissions.map((id) => `submission-${id}`).sort())
  })
})
