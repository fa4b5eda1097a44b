import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { IntakeStore, NewLead, SubmissionRecord } from '../../functions/lead-intake/intake'
import { type Database, DATABASES, reportLeftOutDatabases, startPayloadOn } from './databases'
import { startPayload } from './payload'

reportLeftOutDatabases()

let payload: Payload
let cleanup: () => Promise<void>
let formId: number
let submitForm: typeof import('../../site/lib/form-submit').submitForm
let flushRefusals: typeof import('../../site/lib/refusals').flushRefusals

/** The form every submission here is made on: an email and an optional PDF. */
const createForm = async (on: Payload) =>
  (
    await on.create({
      collection: 'forms',
      locale: 'en',
      data: {
        name: 'Brief',
        defaultRecipient: 'sales@test.example',
        minSecondsToSubmit: 0,
        fields: [
          { name: 'email', type: 'email', label: 'Email', required: true },
          { name: 'brief', type: 'file', label: 'Brief', maxSizeMB: 1, accept: ['pdf'] },
        ],
      },
    })
  ).id

// The site's own tests below run on SQLite, the database site/lib opens in a test.
beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  ;({ submitForm } = await import('../../site/lib/form-submit'))
  ;({ flushRefusals } = await import('../../site/lib/refusals'))
  formId = (await createForm(payload)) as number
})
afterAll(async () => cleanup?.())

const record = (form: string | number, email: string): SubmissionRecord => ({
  form,
  values: { email },
  consents: [],
  locale: 'en',
  pageUrl: 'https://brand.example/contact',
  userAgent: 'test',
  ipHash: 'abc',
  firstTouch: { channel: 'wechat', campaign: '春季' },
  lastTouch: { channel: 'search' },
  spam: { score: 0, reasons: [], isSpam: false },
  conflict: null,
})

const submissionsOf = async (email: string) => {
  const {
    docs: [lead],
  } = await payload.find({ collection: 'leads', where: { email: { equals: email } }, depth: 0 })
  return lead ? (await payload.find({ collection: 'submissions', where: { lead: { equals: lead.id } }, depth: 0, sort: 'id' })).docs : []
}

const meta = { locale: 'en', pageUrl: 'https://brand.example/contact', referrer: null, userAgent: 'test', cookie: null }

describe('submitting through the site', () => {
  it('stores an uploaded PDF as a lead file, readable by sales only, and refuses other content', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4 brief')
    const ok = await submitForm({
      formId,
      fields: { email: 'file@example.com', brief: { filename: '../方案.pdf', size: pdf.length, bytes: pdf } },
      clientAddress: '192.0.2.10',
      ...meta,
    })
    expect(ok.status).toBe(201)
    const [submission] = await submissionsOf('file@example.com')
    const brief = (submission!.values as { brief: { file: number; filename: string; mimeType: string; size: number } }).brief
    expect(brief).toMatchObject({ filename: '方案.pdf', mimeType: 'application/pdf', size: pdf.length })
    expect(submission!.attachments).toEqual([brief.file])
    const file = await payload.findByID({ collection: 'lead-files', id: brief.file, depth: 0 })
    expect([file.mimeType, file.filesize]).toEqual(['application/pdf', pdf.length])
    const editor = {
      ...(await payload.create({ collection: 'users', data: { email: 'ed@test.example', password: 'a-Strong-passw0rd', role: 'editor' } })),
      collection: 'users' as const,
    }
    await expect(payload.findByID({ collection: 'lead-files', id: brief.file, overrideAccess: false, user: editor })).rejects.toThrow(
      'You are not allowed to perform this action.',
    )

    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0])
    const before = (await payload.count({ collection: 'lead-files' })).totalDocs
    const refused = await submitForm({
      formId,
      fields: { email: 'file@example.com', brief: { filename: 'brief.pdf', size: 4, bytes: exe } },
      clientAddress: '192.0.2.10',
      ...meta,
    })
    expect(refused).toMatchObject({ status: 422, errors: { brief: 'This type of file is not accepted.' } })
    expect((await payload.count({ collection: 'lead-files' })).totalDocs).toBe(before)
  })

  it('sends the sixth submission of one person within an hour to the spam folder', async () => {
    const outcomes = []
    for (let i = 0; i < 6; i++)
      outcomes.push(
        (await submitForm({ formId, fields: { email: 'Often@Example.com' }, clientAddress: `192.0.2.${20 + i}`, ...meta })).status,
      )
    expect(outcomes).toEqual([201, 201, 201, 201, 201, 201])
    const docs = await submissionsOf('often@example.com')
    expect(docs.map((d) => d.isSpam)).toEqual([false, false, false, false, false, true])
    expect(docs[5]!.spamReasons).toEqual(['too many submissions from this person'])
  })

  it('answers 429 with Retry-After after 30 requests from one address in ten minutes, and counts refusals only', async () => {
    const statuses: number[] = []
    // The clock stands still while the 32 requests are made, so Retry-After does not depend on how fast this machine is.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
    let limited: Awaited<ReturnType<typeof submitForm>>
    try {
      for (let i = 0; i < 31; i++)
        statuses.push((await submitForm({ formId: 999_999, fields: {}, clientAddress: '198.51.100.7', ...meta })).status)
      limited = await submitForm({ formId, fields: { email: 'real@example.com' }, clientAddress: '198.51.100.7', ...meta })
    } finally {
      vi.useRealTimers()
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true)
    expect(limited).toEqual({
      status: 429,
      message: 'Too many submissions from your network. Wait a few minutes and try again.',
      retryAfterSeconds: 20,
    })
    expect(statuses[30]).toBe(429)
    expect(await submissionsOf('real@example.com')).toEqual([])
    await flushRefusals()
    const { docs } = await payload.find({
      collection: 'intake-counters',
      depth: 0,
      sort: 'reason',
      where: { form: { in: ['999999', String(formId)] } },
    })
    const day = new Date().toISOString().slice(0, 10)
    expect(docs.map((d) => [d.day, d.form, d.reason, d.count])).toEqual([
      [day, String(formId), 'invalid', 1],
      [day, String(formId), 'rate-limited', 1],
      [day, '999999', 'rate-limited', 1],
      [day, '999999', 'unknown-form', 30],
    ])
  })
})

// Last in the file: starting MongoDB's Payload imports the app's modules anew (databases.ts).
/** The stores each database has: SQL only on SQLite; the Local API store on every database. */
const STORES: Record<Database, string[]> = {
  sqlite: ['Local API (any database)', 'SQL (embedded SQLite)'],
  mongodb: ['Local API (any database)'],
}

describe.each(DATABASES)('the intake stores on %s', (database) => {
  let db: Payload
  let form: string | number
  let stores: Record<string, IntakeStore>
  let stop = async () => {}

  beforeAll(async () => {
    if (database === 'sqlite') [db, form] = [payload, formId]
    else {
      const started = await startPayloadOn(database)
      ;[db, stop] = [started.payload, started.cleanup]
      form = await createForm(db)
    }
    const { localApiIntakeStore, sqliteIntakeStore } = await import('../../cms/intake')
    stores = {
      'Local API (any database)': localApiIntakeStore(db),
      ...(database === 'sqlite' ? { 'SQL (embedded SQLite)': sqliteIntakeStore(db) } : {}),
    }
  })
  afterAll(async () => stop())

  const jobsOf = async (submissionId: string | number) =>
    (
      await db.find({ collection: 'payload-jobs', where: { 'input.submissionId': { equals: String(submissionId) } }, depth: 0, sort: 'id' })
    ).docs.map((j) => [j.taskSlug, j.queue, j.processing, j.hasError])

  describe.each(STORES[database])('through the %s store', (name) => {
    it('stores a new lead, its submission and its jobs as Payload reads them', async () => {
      const store = stores[name]!
      const email = `${name.length}-new@example.com`
      const lead = { email, phone: '+8613800138000', name: 'Li Lei', firstTouch: { channel: 'wechat' }, lastTouch: { channel: 'search' } }
      const stored = await store.storeSubmission({ lead, submission: record(form, email), notify: ['sales-email', 'webhook'] })
      const submission = await db.findByID({ collection: 'submissions', id: stored.submissionId, depth: 0 })
      expect(submission).toMatchObject({
        form,
        lead: stored.leadId,
        values: { email },
        locale: 'en',
        firstTouch: { channel: 'wechat', campaign: '春季' },
        isSpam: false,
        spamScore: 0,
      })
      expect(new Date(submission.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000)
      const storedLead = await db.findByID({ collection: 'leads', id: stored.leadId, depth: 0 })
      expect(storedLead).toMatchObject({
        email,
        phone: '+8613800138000',
        name: 'Li Lei',
        status: 'new',
        score: 0,
        firstTouch: { channel: 'wechat' },
      })
      expect(await jobsOf(stored.submissionId)).toEqual([
        ['notifyLead', 'default', false, false],
        ['sendWebhook', 'default', false, false],
      ])
      expect(await store.findLeads({ email, phone: null })).toEqual({ byEmail: { id: stored.leadId }, byPhone: null })
    })

    it('makes one lead of the same new person submitting twice at the same moment', async () => {
      const store = stores[name]!
      const email = `${name.length}-twice@example.com`
      const lead = { email, phone: null, name: null, firstTouch: null, lastTouch: null }
      const [a, b] = await Promise.all([0, 1].map(() => store.storeSubmission({ lead, submission: record(form, email), notify: [] })))
      expect(a!.leadId).toBe(b!.leadId)
      expect((await db.count({ collection: 'leads', where: { email: { equals: email } } })).totalDocs).toBe(1)
      expect(await jobsOf(a!.submissionId)).toEqual([])
    })

    it('attaches to a known lead', async () => {
      const store = stores[name]!
      const { byEmail } = await store.findLeads({ email: `${name.length}-new@example.com`, phone: null })
      const stored = await store.storeSubmission({ lead: byEmail!, submission: record(form, 'x@example.com'), notify: ['sales-email'] })
      expect(stored.leadId).toBe(byEmail!.id)
    })
  })

  if (database === 'mongodb') {
    // Processes share no memory: each create below runs without the in-process queue, as separate
    // site processes would, and only the unique indexes stand between them and a second lead.
    it('makes one lead of one person created by many processes at once, by email or by phone alone', async () => {
      const { findOrCreateAcrossProcesses } = await import('../../cms/intake/lead-store')
      for (const person of [
        { email: 'race@example.com', phone: null },
        { email: null, phone: '+8613900139000' },
      ]) {
        const lead: NewLead = { ...person, name: null, firstTouch: null, lastTouch: null }
        const ids = await Promise.all(
          Array.from({ length: 8 }, () => findOrCreateAcrossProcesses(db, lead).then((found) => String(found.id))),
        )
        expect(new Set(ids).size).toBe(1)
        const where: Where = person.email ? { email: { equals: person.email } } : { phone: { equals: person.phone } }
        expect((await db.count({ collection: 'leads', where })).totalDocs).toBe(1)
      }
    })

    it('refuses a second lead for an email, a member’s too: one lead per person', async () => {
      await db.create({ collection: 'leads', data: { email: 'once@example.com', status: 'new' } })
      await expect(db.create({ collection: 'leads', data: { email: 'once@example.com', status: 'new' } })).rejects.toMatchObject({
        name: 'ValidationError',
        data: { errors: [{ path: 'email', message: 'Value must be unique' }] },
      })
      const member = await db.create({ collection: 'members', data: { email: 'once@example.com' } as never })
      await expect(
        db.create({ collection: 'leads', data: { email: 'once@example.com', status: 'new', member: member.id } }),
      ).rejects.toMatchObject({ name: 'ValidationError' })
      expect((await db.count({ collection: 'leads', where: { email: { equals: 'once@example.com' } } })).totalDocs).toBe(1)
    })
  }
})
