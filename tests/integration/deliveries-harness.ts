// Shared by the deliveries-*.test.ts files: a real Payload on its own SQLite file (one per test file,
// see payload.ts), Resend and a CRM stand-in on local ports, two forms, and the helpers that submit,
// queue and run the three deliveries of a submission. The bindings below are live: each test file
// calls useDeliveries() once, and they are set in its beforeAll.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach } from 'vitest'

import { verifyWebhook } from '../../functions/notifications/webhook-signature'
import { startFakeResend } from './fake-resend'
import { deliveryAttempts, startPayload } from './payload'

export const SECRET = 'whsec_test_0123456789abcdef'
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

export let payload: Payload
let cleanup: () => Promise<void>
export let resend: Awaited<ReturnType<typeof startFakeResend>>
export let crm: Awaited<ReturnType<typeof startCrm>>
export let contactForm: number
export let quietForm: number

export const touch = {
  source: 'wechat',
  medium: 'social',
  campaign: 'spring',
  channel: 'wechat',
  landingPage: '/contact',
  referrer: 'https://mp.weixin.qq.com/s/abc',
  at: '2026-03-01T08:00:00.000Z',
}

/** Boots Payload with the two forms, Resend and the CRM stand-ins for the calling test file, and empties their inboxes before each test. */
export function useDeliveries(): void {
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
    const zhLabels: Record<string, string> = {
      Name: '姓名',
      Company: '公司',
      Email: '邮箱',
      Product: '产品',
      Cloud: '云',
      Box: '盒子',
    }
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
}

type Task = 'notifyLead' | 'autorespond' | 'sendWebhook'

/** A lead and its submission, stored as the site's intake stores them. */
export async function submit(form: number, values: Record<string, unknown>, options: { locale?: string; owner?: number } = {}) {
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

export async function queue(task: Task, submissionId: number): Promise<number> {
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
export async function runAll(): Promise<void> {
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

export async function deliveriesOf(leadId: number) {
  const lead = await payload.findByID({ collection: 'leads', id: leadId, depth: 0 })
  return {
    lead,
    rows: (await deliveryAttempts(payload, leadId)).map((d) => [d.kind, d.status, d.to, d.providerId ?? null, d.reason ?? null]),
  }
}

export const providerIdOf = (email: (typeof resend.received)[number]) => `re_${resend.received.indexOf(email) + 1}`
