import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NurtureStore } from '../../functions/nurture/runner'
import { startFakeResend } from './fake-resend'
import { startPayload } from './payload'
import { routeContext } from './route-context'

// How a sequence's emails leave: with the one-click unsubscribe of broadcasts (RFC 8058), and, when
// the provider keeps refusing one, with the enrolment marked stuck instead of silently stopping.
const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'
const DAY = 86_400_000

let payload: Payload
let cleanup: () => Promise<void>
let resend: Awaited<ReturnType<typeof startFakeResend>>
let store: NurtureStore
let nurtureTurn: typeof import('../../functions/nurture/runner').nurtureTurn
let submitForm: typeof import('../../site/lib/form-submit').submitForm
let form: number

async function submit(email: string) {
  const outcome = await submitForm({
    formId: String(form),
    fields: { name: 'Ann', email, consent: 'yes' },
    locale: 'en',
    pageUrl: 'https://brand.example/en/contact',
    referrer: null,
    userAgent: PHONE,
    clientAddress: '192.0.2.9',
    cookie: null,
  })
  expect(outcome.status).toBe(201)
  return (await payload.find({ collection: 'leads', where: { email: { equals: email } }, depth: 0 })).docs[0]!
}

const mailTo = (email: string) => resend.received.filter((e) => e.to.includes(email))
const enrolmentOf = async (lead: number) =>
  (await payload.find({ collection: 'sequence-enrolments', where: { lead: { equals: lead } }, depth: 0 })).docs[0]!

/** Runs the queue until no job waits, cutting every backoff short (the clock of the retries, not a sleep). */
async function runJobs(): Promise<void> {
  for (let round = 0; round < 20; round++) {
    // The failures are the test's own: Payload's error log of each would only bury the result.
    await payload.jobs.run({ queue: 'default', limit: 100, silent: { error: true } })
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { completedAt: { exists: false }, hasError: { not_equals: true } },
      depth: 0,
      limit: 0,
      pagination: false,
    })
    if (docs.length === 0) return
    for (const job of docs)
      await payload.update({
        collection: 'payload-jobs',
        id: job.id,
        data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
        depth: 0,
      })
  }
  throw new Error('Jobs were still waiting after 20 runs')
}

async function turn(now: Date) {
  await nurtureTurn(store, now)
  await runJobs()
}

beforeAll(async () => {
  resend = await startFakeResend()
  process.env.RESEND_API_KEY = 're_test_key'
  process.env.RESEND_BASE_URL = resend.url
  process.env.UNSUBSCRIBE_MAILBOX = 'leave@brand.example'
  ;({ payload, cleanup } = await startPayload())
  ;({ submitForm } = await import('../../site/lib/form-submit'))
  ;({ nurtureTurn } = await import('../../functions/nurture/runner'))
  store = (await import('../../cms/nurture')).nurtureStoreFor(payload)
  form = (
    await payload.create({
      collection: 'forms',
      locale: 'en',
      data: {
        name: 'Contact',
        defaultRecipient: 'owner@test.example',
        minSecondsToSubmit: 0,
        fields: [
          { name: 'name', type: 'text', label: 'Name', required: true },
          { name: 'email', type: 'email', label: 'Email', required: true },
          { name: 'consent', type: 'consent', label: 'Consent', required: true, consentText: 'You may contact me.' },
        ],
      },
      depth: 0,
    })
  ).id as number
  await payload.create({
    collection: 'sequences',
    locale: 'en',
    data: {
      name: 'Welcome',
      trigger: 'form-submitted',
      form,
      steps: [
        { delay: 0, unit: 'minutes', subject: 'Welcome', body: 'Thanks for writing.' },
        { delay: 2, unit: 'days', subject: 'Two days later', body: 'Still thinking about it?' },
      ],
    },
    depth: 0,
  })
})
afterAll(async () => {
  await cleanup?.()
  await resend?.close()
})

describe('a sequence step email', () => {
  it('carries List-Unsubscribe (mailto and https) and List-Unsubscribe-Post, whose one-click POST ends the sequence', async () => {
    const lead = await submit('reader@example.com')
    // The clock of the turn starts after the submission: the first step is due when the lead was
    // enrolled, which is later than any instant taken before the submit.
    const start = new Date()
    await turn(start)
    const [welcome] = mailTo('reader@example.com').filter((e) => e.subject === 'Welcome')
    const header = welcome!.headers?.['List-Unsubscribe'] ?? ''
    expect(header).toMatch(
      /^<mailto:leave@brand\.example\?subject=unsubscribe%20[^>]+>, <http:\/\/localhost:\d+\/unsubscribe\?token=[^>]+>$/,
    )
    expect(welcome!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const url = new URL(/<(https?:[^>]+)>/.exec(header)![1]!)
    expect(welcome!.html).toContain(url.href.replace(/&/g, '&amp;'))

    // The broadcasts' own endpoint (site/pages/unsubscribe.ts), as a mail client's button calls it.
    const { POST } = await import('../../site/pages/unsubscribe')
    const request = new Request(url, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect((await POST(routeContext({ url, request }))).status).toBe(200)
    await turn(new Date(start.getTime() + 3 * DAY))
    expect(mailTo('reader@example.com').map((e) => e.subject)).toEqual(['Welcome'])
    expect(await enrolmentOf(lead.id as number)).toMatchObject({ status: 'exited', exitReason: 'unsubscribed', sentCount: 1 })
  })
})

describe('a step whose email fails after the last retry', () => {
  it('leaves the enrolment stuck with the reason, visible in the admin, and queues nothing more', async () => {
    const lead = await submit('stuck@example.com')
    resend.outage(true)
    await turn(new Date())
    resend.outage(false)
    expect(mailTo('stuck@example.com')).toEqual([])
    const enrolment = await enrolmentOf(lead.id as number)
    expect(enrolment).toMatchObject({ status: 'stuck', sentCount: 0, sending: null })
    expect(enrolment.problem).toBe('Step 1 (Welcome) failed after 7 attempts: Resend refused the email (HTTP 503): Service unavailable')
    // A later turn neither sends the step again nor moves on to the next one.
    await turn(new Date(Date.now() + 3 * DAY))
    expect(mailTo('stuck@example.com')).toEqual([])
    expect((await enrolmentOf(lead.id as number)).status).toBe('stuck')
  })
})
