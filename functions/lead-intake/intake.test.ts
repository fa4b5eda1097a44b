import { describe, expect, it } from 'vitest'

import type { FormDefinition } from './form-definition'
import {
  acceptSubmission,
  type IntakeRequest,
  type IntakeStore,
  type LeadRef,
  type NewLead,
  type Notification,
  type SubmissionRecord,
} from './intake'
import { createRateLimiter } from './rate-limit'

// acceptSubmission with an in-memory store: what it decides (spam, which lead, which deliveries)
// without a database. The same store contract against SQLite and the Local API is tested in
// tests/integration/intake-store-databases.test.ts.

interface StoredLead {
  id: number
  email: string | null
  phone: string | null
  name: string | null
  firstTouch: unknown
  lastTouch: unknown
}

/** IntakeStore in memory: leads found by exact email or phone, every call kept for the assertions. */
function memoryStore(leads: StoredLead[] = []) {
  const submissions: { id: number; lead: number; submission: SubmissionRecord; notify: Notification[] }[] = []
  const filesStored: string[] = []
  const store: IntakeStore = {
    async findLeads({ email, phone }) {
      const ref = (lead: StoredLead | undefined): LeadRef | null => (lead ? { id: lead.id } : null)
      return {
        byEmail: ref(email ? leads.find((l) => l.email === email) : undefined),
        byPhone: ref(phone ? leads.find((l) => l.phone === phone) : undefined),
      }
    },
    async storeFiles(files) {
      return files.map((f, i) => {
        filesStored.push(f.filename)
        return { field: f.field, file: 100 + i, filename: f.filename, mimeType: f.mimeType, size: f.size }
      })
    },
    async storeSubmission({ lead, submission, notify }) {
      let leadId: number
      if ('id' in lead) leadId = Number(lead.id)
      else {
        leadId = leads.length + 1
        leads.push({ id: leadId, ...(lead as NewLead) })
      }
      const id = submissions.length + 1
      submissions.push({ id, lead: leadId, submission, notify })
      return { submissionId: id, leadId }
    },
  }
  return { store, leads, submissions, filesStored }
}

const form: FormDefinition = {
  id: 7,
  name: 'Contact',
  minSecondsToSubmit: 3,
  autoresponder: true,
  webhook: true,
  fields: [
    { name: 'name', type: 'text', label: 'Name', required: true },
    { name: 'email', type: 'email', label: 'Email' },
    { name: 'phone', type: 'phone', label: 'Phone' },
    { name: 'message', type: 'textarea', label: 'Message' },
    { name: 'campaign', type: 'hidden', label: 'Campaign', fillFrom: 'utm_campaign' },
    { name: 'consent', type: 'consent', label: 'Consent', required: true, consentText: 'You may contact me.' },
  ],
}

const NOW = Date.parse('2026-03-01T08:00:00Z')
const touch = { channel: 'wechat', medium: 'moments', landingPage: '/' }

function request(input: Record<string, unknown>, change: Partial<IntakeRequest> = {}): IntakeRequest {
  return {
    form,
    input,
    locale: 'en',
    honeypot: '',
    renderedAt: NOW - 20_000,
    now: NOW,
    pageUrl: 'https://brand.example/en/contact?utm_campaign=spring-launch',
    userAgent: 'Mozilla/5.0',
    ipHash: 'ip-hash',
    visitor: 'v-1',
    firstTouch: touch,
    lastTouch: touch,
    ...change,
  }
}

const ada = { name: 'Ada', email: ' Ada@Example.COM ', consent: 'on', message: 'Call me' }

describe('acceptSubmission', () => {
  it('refuses invalid input with per-field messages and stores nothing', async () => {
    const memory = memoryStore()
    expect(await acceptSubmission(request({ email: 'nope' }), memory.store)).toEqual({
      ok: false,
      errors: { name: 'This field is required.', email: 'Enter a valid email address.', consent: 'Tick the box to agree.' },
    })
    expect(memory.submissions).toEqual([])
    expect(memory.leads).toEqual([])
  })

  it('stores a new person as a new lead with the touches, the consent text and every delivery queued', async () => {
    const memory = memoryStore()
    expect(await acceptSubmission(request(ada), memory.store)).toEqual({ ok: true, submissionId: 1, leadId: 1, spam: false })
    expect(memory.leads).toEqual([{ id: 1, email: 'ada@example.com', phone: null, name: 'Ada', firstTouch: touch, lastTouch: touch }])
    const [stored] = memory.submissions
    expect(stored!.notify).toEqual(['sales-email', 'autoresponder', 'webhook'])
    expect(stored!.submission).toMatchObject({
      form: 7,
      values: { name: 'Ada', email: 'Ada@Example.COM', message: 'Call me', consent: true, campaign: 'spring-launch' },
      consents: [{ field: 'consent', text: 'You may contact me.', at: '2026-03-01T08:00:00.000Z' }],
      visitor: 'v-1',
      spam: { score: 0, reasons: [], isSpam: false },
      conflict: null,
    })
  })

  it('attaches a known person’s submission to their lead, by email before phone', async () => {
    const memory = memoryStore([{ id: 5, email: 'ada@example.com', phone: null, name: 'Ada', firstTouch: null, lastTouch: null }])
    expect(await acceptSubmission(request(ada), memory.store)).toMatchObject({ ok: true, leadId: 5 })
    expect(memory.leads).toHaveLength(1)
  })

  it('never merges two known people: email and phone of two leads go to the email’s lead, flagged', async () => {
    const memory = memoryStore([
      { id: 5, email: 'ada@example.com', phone: null, name: 'Ada', firstTouch: null, lastTouch: null },
      { id: 6, email: null, phone: '+8613800138000', name: 'Li', firstTouch: null, lastTouch: null },
    ])
    expect(await acceptSubmission(request({ ...ada, phone: '138 0013 8000' }), memory.store)).toMatchObject({ ok: true, leadId: 5 })
    expect(memory.submissions[0]!.submission.conflict).toBe('phone also matches lead 6')
  })

  it.each<[string, Partial<IntakeRequest>, string[]]>([
    ['sent 1 s after the page was rendered', { renderedAt: NOW - 1000 }, ['submitted too fast']],
    ['with the hidden trap field filled', { honeypot: 'https://spam.example' }, ['honeypot filled']],
  ])('keeps a submission %s as spam and queues nothing', async (_, change, reasons) => {
    const memory = memoryStore()
    expect(await acceptSubmission(request(ada, change), memory.store)).toMatchObject({ ok: true, spam: true })
    expect(memory.submissions[0]!.submission.spam.reasons).toEqual(reasons)
    expect(memory.submissions[0]!.notify).toEqual([])
  })

  it('takes a form with no known render time for a person (a cached page, an old form)', async () => {
    const memory = memoryStore()
    expect(await acceptSubmission(request(ada, { renderedAt: null }), memory.store)).toMatchObject({ ok: true, spam: false })
  })

  it('sends the same person’s submissions past the limit to the spam folder', async () => {
    const memory = memoryStore()
    const personLimiter = createRateLimiter({ limit: 2, windowMs: 60_000 })
    const spam: boolean[] = []
    for (let i = 0; i < 3; i++) {
      const result = await acceptSubmission(request(ada, { personLimiter }), memory.store)
      spam.push(result.ok && result.spam)
    }
    expect(spam).toEqual([false, false, true])
    expect(memory.submissions[2]!.submission.spam.reasons).toEqual(['too many submissions from this person'])
  })

  it('stores nothing when the sender’s count, stored meanwhile, refuses, and counts the person meanwhile', async () => {
    const memory = memoryStore()
    const personLimiter = createRateLimiter({ limit: 2, windowMs: 60_000 })
    const refused = { allowed: false, retryAfterMs: 20_000 }
    expect(await acceptSubmission(request(ada, { personLimiter, admission: Promise.resolve(refused) }), memory.store)).toEqual({
      ok: false,
      limited: refused,
    })
    expect(memory.submissions).toEqual([])
    const admitted = Promise.resolve({ allowed: true, retryAfterMs: 0 })
    expect(await acceptSubmission(request(ada, { personLimiter, admission: admitted }), memory.store)).toMatchObject({ ok: true })
    expect(memory.submissions).toHaveLength(1)
  })

  it('queues no autoresponder without an email, and no webhook when the form has none', async () => {
    const memory = memoryStore()
    const phoneOnly = { ...form, webhook: false }
    expect(
      await acceptSubmission(request({ name: 'Li', phone: '138 0013 8000', consent: 'on' }, { form: phoneOnly }), memory.store),
    ).toMatchObject({ ok: true })
    expect(memory.submissions[0]!.notify).toEqual(['sales-email'])
    expect(memory.leads[0]).toMatchObject({ email: null, phone: '+8613800138000', name: 'Li' })
  })

  it('stores accepted files through the store and keeps where they went in the values', async () => {
    const memory = memoryStore()
    const withFile: FormDefinition = { ...form, fields: [...form.fields, { name: 'brief', type: 'file', label: 'Brief', accept: ['pdf'] }] }
    const pdf = { filename: 'brief.pdf', size: 9, bytes: new TextEncoder().encode('%PDF-1.4 ') }
    await acceptSubmission(request({ ...ada, brief: pdf }, { form: withFile }), memory.store)
    expect(memory.filesStored).toEqual(['brief.pdf'])
    expect(memory.submissions[0]!.submission.values.brief).toEqual({
      file: 100,
      filename: 'brief.pdf',
      mimeType: 'application/pdf',
      size: 9,
    })
  })

  it('ignores a hidden field the browser sent and fills it on the server', async () => {
    const memory = memoryStore()
    await acceptSubmission(request({ ...ada, campaign: 'forged' }, { pageUrl: 'https://brand.example/en/contact' }), memory.store)
    expect(memory.submissions[0]!.submission.values.campaign).toBeUndefined()
  })
})
