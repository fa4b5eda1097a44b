// The intake stores on each database: a new lead, its submission and jobs stored as Payload reads them, one lead per person.
import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { IntakeStore, NewLead, SubmissionRecord } from '../../functions/lead-intake/intake'
import { type Database, DATABASES, reportLeftOutDatabases, startPayloadOn } from './databases'
import { createForm, formId, payload, useIntakeStore } from './intake-store-harness'

useIntakeStore()

reportLeftOutDatabases()

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

    it("records the submission on its lead's timeline with it, and a likely spam's not at all", async () => {
      const store = stores[name]!
      const email = `${name.length}-activity@example.com`
      const lead = { email, phone: null, name: null, firstTouch: null, lastTouch: null }
      const submission = { ...record(form, email), visitor: 'v-activity' }
      const at = '2026-12-02T03:00:00.000Z'
      const stored = await store.storeSubmission({ lead, submission, notify: ['sales-email'], activity: { at } })
      const spam = await store.storeSubmission({ lead: { id: stored.leadId }, submission, notify: [] })
      const activity = await db.find({ collection: 'lead-activity', where: { lead: { equals: stored.leadId } }, depth: 0 })
      expect(activity.docs.map((a) => [a.kind, a.at, a.form, a.ref, a.locale, a.visitor, a.processedAt ?? null])).toEqual([
        ['form-submitted', at, String(form), String(stored.submissionId), 'en', 'v-activity', null],
      ])
      expect(activity.docs.some((a) => a.ref === String(spam.submissionId))).toBe(false)
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
      const member = await db.create({ collection: 'members', data: { email: 'once@example.com' } })
      await expect(
        db.create({ collection: 'leads', data: { email: 'once@example.com', status: 'new', member: member.id } }),
      ).rejects.toMatchObject({ name: 'ValidationError' })
      expect((await db.count({ collection: 'leads', where: { email: { equals: 'once@example.com' } } })).totalDocs).toBe(1)
    })
  }
})
