import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Lead, User } from '../../cms/payload-types'
import { autoresponderKey } from '../../functions/notifications/idempotency-key'
import { signWebhook, verifyWebhook } from '../../functions/notifications/webhook-signature'
import { startFakeResend } from './fake-resend'
import { deliveryAttempts, startPayload } from './payload'

const SECRET = 'whsec_test_0123456789abcdef'
const CRM_DOWN = `CRM is down. ${'x'.repeat(300)}`

interface CrmRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
  genuine: boolean
}

/** A CRM on a local port: it checks every delivery's signature as a real receiver would. */
async function startCrm(): Promise<{ host: string; url: string; received: CrmRequest[]; answers: number[]; close: () => Promise<void> }> {
  const received: CrmRequest[] = []
  const answers: number[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const genuine = verifyWebhook(
        SECRET,
        req.headers['x-webhook-signature'] as string | undefined,
        req.headers['x-webhook-timestamp'] as string | undefined,
        body,
        Date.now() / 1000,
      )
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, genuine })
      if (!genuine) return void res.writeHead(401).end('bad signature')
      if (req.url === '/always-fails') return void res.writeHead(503).end('Service unavailable')
      const status = answers.shift() ?? 200
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : CRM_DOWN)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return { host, url: `http://${host}`, received, answers, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

let payload: Payload
let cleanup: () => Promise<void>
let resend: Awaited<ReturnType<typeof startFakeResend>>
let crm: Awaited<ReturnType<typeof startCrm>>
let contactForm: number
let quietForm: number

const touch = {
  source: 'wechat',
  medium: 'social',
  campaign: 'spring',
  channel: 'wechat',
  landingPage: '/contact',
  referrer: 'https://mp.weixin.qq.com/s/abc',
  at: '2026-03-01T08:00:00.000Z',
}

beforeAll(async () => {
  resend = await startFakeResend()
  crm = await startCrm()
  process.env.RESEND_API_KEY = 're_test_key'
  process.env.RESEND_BASE_URL = resend.url
  // The CRM stand-in listens on loopback, which webhooks refuse unless a developer allows the host.
  process.env.WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
  ;({ payload, cleanup } = await startPayload())
  const fields = [
    { name: 'name', type: 'text' as const, label: 'Name' },
    { name: 'company', type: 'text' as const, label: 'Company' },
    { name: 'email', type: 'email' as const, label: 'Email' },
    {
      name: 'product',
      type: 'select' as const,
      label: 'Product',
      options: [
        { value: 'cloud', label: 'Cloud' },
        { value: 'box', label: 'Box' },
      ],
    },
  ]
  const form = await payload.create({
    collection: 'forms',
    locale: 'en',
    data: {
      name: 'Contact us',
      fields,
      defaultRecipient: 'sales@test.example',
      autoresponder: {
        enabled: true,
        subject: 'Thanks, {name}',
        body: 'Dear {name},\n\nWe got your message and will reply within one working day.\nThe Brand team',
      },
      webhook: { url: `${crm.url}/hooks`, secret: SECRET },
    },
  })
  // The same rows in Chinese: labels are localised and required in every language.
  const zhLabels: Record<string, string> = { Name: '姓名', Company: '公司', Email: '邮箱', Product: '产品', Cloud: '云', Box: '盒子' }
  await payload.update({
    collection: 'forms',
    id: form.id,
    locale: 'zh-CN',
    data: {
      name: '联系我们',
      fields: form.fields!.map((f) => ({
        ...f,
        label: zhLabels[f.label]!,
        options: f.options?.map((o) => ({ ...o, label: zhLabels[o.label]! })),
      })),
      autoresponder: {
        enabled: true,
        subject: '{name}，感谢您的留言',
        body: '{name}您好：\n\n我们已收到您的留言，将在一个工作日内回复。\n品牌团队',
      },
    },
  })
  contactForm = form.id
  const quiet = await payload.create({
    collection: 'forms',
    locale: 'en',
    data: {
      name: 'Quiet',
      fields,
      defaultRecipient: 'quiet@test.example',
      autoresponder: { enabled: false, subject: 'Unused', body: 'Unused' },
    },
  })
  quietForm = quiet.id
})
afterAll(async () => {
  await cleanup?.()
  await resend?.close()
  await crm?.close()
})
beforeEach(() => {
  resend.received.length = 0
  crm.received.length = 0
})

type Task = 'notifyLead' | 'autorespond' | 'sendWebhook'

/** A lead and its submission, stored as the site's intake stores them. */
async function submit(form: number, values: Record<string, unknown>, options: { locale?: string; owner?: number } = {}) {
  const lead = await payload.create({
    collection: 'leads',
    data: {
      email: typeof values.email === 'string' && values.email.trim() ? values.email.trim().toLowerCase() : null,
      name: (values.name as string) ?? null,
      phone: '+8613800138000',
      status: 'new',
      owner: options.owner,
    },
  })
  const submission = await payload.create({
    collection: 'submissions',
    data: {
      form,
      lead: lead.id,
      values,
      locale: options.locale ?? 'en',
      pageUrl: 'http://localhost:4321/contact?utm_source=wechat',
      consents: [{ field: 'consent', text: 'You may contact me.' }],
      firstTouch: touch,
      lastTouch: touch,
      spamScore: 0,
      isSpam: false,
    },
  })
  return { lead, submission }
}

async function queue(task: Task, submissionId: number): Promise<number> {
  // A cast until cms/payload-types.ts is regenerated with the two new tasks; the slug is checked at run time.
  const job = await payload.jobs.queue({ task: task as 'notifyLead', input: { submissionId: String(submissionId) }, queue: 'default' })
  return job.id as number
}

/** Jobs not finished and not given up. */
async function pendingJobs() {
  return (
    await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      depth: 0,
      limit: 100,
    })
  ).docs
}

/** Runs the queue once, then again with every backoff cut short, until no job is waiting. */
async function runAll(): Promise<void> {
  for (let round = 0; round < 20; round++) {
    await payload.jobs.run({ queue: 'default' })
    const pending = await pendingJobs()
    if (pending.length === 0) return
    for (const job of pending)
      await payload.update({
        collection: 'payload-jobs',
        id: job.id,
        data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
        depth: 0,
      })
  }
  throw new Error('Jobs were still pending after 20 runs')
}

async function deliveriesOf(leadId: number) {
  const lead = await payload.findByID({ collection: 'leads', id: leadId, depth: 0 })
  return {
    lead,
    rows: (await deliveryAttempts(payload, leadId)).map((d) => [d.kind, d.status, d.to, d.providerId ?? null, d.reason ?? null]),
  }
}

const providerIdOf = (email: (typeof resend.received)[number]) => `re_${resend.received.indexOf(email) + 1}`

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
      idempotencyKey: autoresponderKey(en.submission.id, 'Ada@Example.com'),
    })
    expect(toLi).toEqual({
      from: expect.any(String),
      to: ['li@example.cn'],
      reply_to: ['sales@test.example'],
      subject: '李雷，感谢您的留言',
      html: '<p>李雷您好：</p>\n<p>我们已收到您的留言，将在一个工作日内回复。<br>品牌团队</p>',
      text: '李雷您好：\n\n我们已收到您的留言，将在一个工作日内回复。\n品牌团队',
      idempotencyKey: autoresponderKey(zh.submission.id, 'li@example.cn'),
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

describe('a routing rule naming a team', () => {
  it('serves the team in turn, makes the member the owner, and keeps the choice across a retry', async () => {
    const members: User[] = []
    for (const [email, language] of [
      ['wang@test.example', 'zh-CN'],
      ['amy@test.example', 'en'],
      ['zhao@test.example', 'zh-CN'],
    ] as const) {
      members.push(await payload.create({ collection: 'users', data: { email, password: 'a-Strong-passw0rd', role: 'sales', language } }))
    }
    const team = await payload.create({ collection: 'teams', data: { name: 'Cloud', members: members.map((m) => m.id) } })
    const form = await payload.create({
      collection: 'forms',
      locale: 'en',
      data: {
        name: 'Cloud trial',
        fields: [
          { name: 'name', type: 'text', label: 'Name' },
          { name: 'email', type: 'email', label: 'Email' },
          { name: 'product', type: 'text', label: 'Product' },
        ],
        defaultRecipient: 'sales@test.example',
        routing: [
          { field: 'product', value: 'box', recipient: 'box@test.example' },
          { field: 'product', value: 'cloud', team: team.id },
        ],
      },
    })
    const turnOf = async () => (await payload.findByID({ collection: 'teams', id: team.id, depth: 0 })).turn

    // One at a time: three submissions go to the three members in order, each in their language.
    const leads = []
    for (const name of ['One', 'Two', 'Three']) {
      const { lead, submission } = await submit(form.id, { name, email: `${name.toLowerCase()}@example.com`, product: 'cloud' })
      leads.push(lead.id)
      await queue('notifyLead', submission.id)
      await runAll()
    }
    expect(resend.received.map((e) => [e.to, e.subject])).toEqual([
      [['wang@test.example'], '新线索: Cloud trial – One'],
      [['amy@test.example'], 'New lead: Cloud trial – Two'],
      [['zhao@test.example'], '新线索: Cloud trial – Three'],
    ])
    expect(await turnOf()).toBe(3)
    for (const [i, id] of leads.entries()) {
      const { lead, rows } = await deliveriesOf(id)
      expect([lead.owner, rows]).toEqual([members[i]!.id, [['sales email', 'sent', members[i]!.email, `re_${i + 1}`, null]]])
    }

    // At once: a batch run in parallel still gives each member exactly one; a lead's owner is kept.
    resend.received.length = 0
    const batch = [
      await submit(form.id, { name: 'Four', product: 'cloud' }),
      await submit(form.id, { name: 'Five', product: 'cloud' }, { owner: members[0]!.id }),
      await submit(form.id, { name: 'Six', product: 'cloud' }),
    ]
    for (const { submission } of batch) await queue('notifyLead', submission.id)
    await runAll()
    expect(resend.received.map((e) => e.to[0]).sort()).toEqual(['amy@test.example', 'wang@test.example', 'zhao@test.example'])
    expect(await turnOf()).toBe(6)
    const owners = []
    for (const { lead } of batch) {
      const { lead: after, rows } = await deliveriesOf(lead.id)
      owners.push(after.owner)
      expect(rows).toHaveLength(1)
    }
    expect(owners[1]).toBe(members[0]!.id)
    expect([owners[0], owners[2]].every((o) => members.some((m) => m.id === o))).toBe(true)

    // A retry after Resend failed sends to the same member, and the team's turn moves once.
    resend.received.length = 0
    resend.failNext(1)
    const retried = await submit(form.id, { name: 'Seven', product: 'Cloud' })
    await queue('notifyLead', retried.submission.id)
    await runAll()
    expect(resend.received.map((e) => e.to)).toEqual([['wang@test.example']])
    expect(await turnOf()).toBe(7)
    const { lead, rows } = await deliveriesOf(retried.lead.id)
    expect([lead.owner, rows]).toEqual([
      members[0]!.id,
      [
        ['sales email', 'failed', 'wang@test.example', null, 'Resend refused the email (HTTP 500): Temporary failure'],
        ['sales email', 'sent', 'wang@test.example', 're_1', null],
      ],
    ])

    // Other rules and the default recipient are untouched by the team.
    resend.received.length = 0
    for (const product of ['box', 'other']) {
      const { submission } = await submit(form.id, { name: 'Eight', product })
      await queue('notifyLead', submission.id)
    }
    await runAll()
    expect(resend.received.map((e) => e.to[0]).sort()).toEqual(['box@test.example', 'sales@test.example'])
    expect(await turnOf()).toBe(7)
  })
})
