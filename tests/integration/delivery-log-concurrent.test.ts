import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'

import { startFakeResend } from './fake-resend'
import { startPayload } from './payload'

// A lead's delivery log under concurrency: many jobs of one lead (its sales emails and
// autoresponders) fail at the same moment during a mail outage, while a sales person moves the lead
// along the pipeline, and two workers (a hung one whose jobs were taken over, and the next) record
// attempts for the same lead. Every attempt must be recorded: one row each, none overwriting another.

let payload: Payload
let cleanup: () => Promise<void>
let resend: Awaited<ReturnType<typeof startFakeResend>>

const SUBMISSIONS = 15

beforeAll(async () => {
  resend = await startFakeResend()
  process.env.RESEND_API_KEY = 're_test_key'
  process.env.RESEND_BASE_URL = resend.url
  ;({ payload, cleanup } = await startPayload())
  // Payload's start on a busy two-core machine can take longer than the default two minutes.
}, 300_000)
afterAll(async () => {
  await cleanup?.()
  await resend?.close()
})

/** The lead's recorded attempts, as [kind, status] pairs, sorted. */
async function attemptsOf(leadId: number | string): Promise<string[][]> {
  const { docs } = await payload.find({
    collection: 'lead-deliveries',
    where: { lead: { equals: leadId } },
    depth: 0,
    pagination: false,
    sort: 'at',
  })
  return docs.map((d) => [d.kind ?? '', d.status ?? '']).sort()
}

it('records every failed attempt of one lead’s jobs failing at the same moment, and each success after', async () => {
  const form = await payload.create({
    collection: 'forms',
    locale: 'en',
    data: {
      name: 'Busy lead',
      fields: [
        { name: 'name', type: 'text', label: 'Name' },
        { name: 'email', type: 'email', label: 'Email' },
      ],
      defaultRecipient: 'sales@test.example',
      autoresponder: { enabled: true, subject: 'Thanks, {name}', body: 'We got it.' },
    },
  })
  const lead = await payload.create({ collection: 'leads', data: { email: 'busy@example.com', name: 'Busy', status: 'new' } })
  for (let i = 0; i < SUBMISSIONS; i++) {
    const submission = await payload.create({
      collection: 'submissions',
      data: {
        form: form.id,
        lead: lead.id,
        values: { name: 'Busy', email: 'busy@example.com' },
        locale: 'en',
        pageUrl: 'http://localhost/contact',
        consents: [],
        spamScore: 0,
        isSpam: false,
      },
    })
    for (const task of ['notifyLead', 'autorespond'] as const)
      await payload.jobs.queue({ task, input: { submissionId: String(submission.id) }, queue: 'default' })
  }

  // Two rounds of the outage: all 30 jobs run at once and fail together, while the lead is edited.
  resend.outage(true)
  for (let round = 0; round < 2; round++) {
    // A sales person (in the CMS, another process) saves the lead again and again meanwhile.
    let running = true
    const edits = (async () => {
      for (let i = 0; running && i < 200; i++)
        await payload.update({
          collection: 'leads',
          id: lead.id,
          data: { status: i % 2 ? 'contacted' : 'qualified', notes: `call ${round}-${i}` },
          depth: 0,
        })
    })()
    await payload.jobs.run({ queue: 'default', limit: 100 }).finally(() => (running = false))
    await edits
    const waiting = await payload.find({
      collection: 'payload-jobs',
      where: { completedAt: { exists: false } },
      depth: 0,
      pagination: false,
    })
    expect(waiting.docs).toHaveLength(2 * SUBMISSIONS)
    // The backoff cut short, so the next round runs every job again at once.
    await payload.update({
      collection: 'payload-jobs',
      where: { completedAt: { exists: false } },
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
      depth: 0,
    })
  }
  resend.outage(false)
  await payload.jobs.run({ queue: 'default', limit: 100 })

  const failed = (kind: string) => Array(2 * SUBMISSIONS).fill([kind, 'failed'])
  const sent = (kind: string) => Array(SUBMISSIONS).fill([kind, 'sent'])
  expect(await attemptsOf(lead.id)).toEqual([
    ...failed('autoresponder'),
    ...sent('autoresponder'),
    ...failed('sales email'),
    ...sent('sales email'),
  ])
  expect(resend.received).toHaveLength(2 * SUBMISSIONS)
  expect((await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })).notes).toMatch(/^call 1-\d+$/)
}, 240_000)

it('records every attempt when two processes record attempts for one lead at the same moment', async () => {
  const lead = await payload.create({ collection: 'leads', data: { email: 'twice@example.com', name: 'Twice', status: 'new' } })
  // Each import after resetModules is a module of its own, with its own in-process locks: as in two processes.
  const load = async () => {
    vi.resetModules()
    return (await import('../../cms/jobs/deliveries')).attemptDelivery
  }
  const workers = [await load(), await load()]
  const req = { payload } as Parameters<(typeof workers)[0]>[0]['req']
  const outcomes = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) =>
      workers[i % 2]!(
        {
          req,
          job: { id: `w${i % 2}-${i}`, totalTried: 0 },
          leadId: lead.id,
          kind: i % 4 < 2 ? 'sales email' : 'autoresponder',
          to: 'twice@example.com',
        },
        async () => {
          throw new Error(`Resend refused the email (HTTP 503): attempt ${i}`)
        },
      ),
    ),
  )
  expect(outcomes.map((o) => o.status)).toEqual(Array(40).fill('rejected'))
  expect(await attemptsOf(lead.id)).toEqual([...Array(20).fill(['autoresponder', 'failed']), ...Array(20).fill(['sales email', 'failed'])])
}, 120_000)
