import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { Resend } from 'resend'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { salesEmailKey } from '../../functions/notifications/idempotency-key'
import { startFakeResend } from '../../tests/integration/fake-resend'
import type { OutgoingEmail } from './batch-journal'
import { resendMailer } from './resend-mailer'

let resend: Awaited<ReturnType<typeof startFakeResend>>
let clock = Date.now()
let journal: string

const email = (n: number): OutgoingEmail => ({
  from: 'Brand <noreply@example.com>',
  to: [`sales${n}@example.com`],
  subject: `Lead ${n}`,
  html: `<p>${n}</p>`,
  text: `${n}`,
  idempotencyKey: salesEmailKey(n, `sales${n}@example.com`),
})
const client = () => {
  process.env.RESEND_BASE_URL = resend.url
  return new Resend('re_test_key')
}

beforeAll(async () => {
  resend = await startFakeResend({ now: () => clock })
})
afterAll(() => resend.close())
beforeEach(() => {
  journal = mkdtempSync(path.join(tmpdir(), 'mail-journal-'))
  resend.received.length = 0
  resend.batches.length = 0
})
afterEach(() => rmSync(journal, { recursive: true, force: true }))

describe('the Resend mailer', () => {
  it('sends emails that arrive together in one batch request, each once, each with its own id', async () => {
    const mailer = resendMailer(client(), journal, { windowMs: 20 })
    const ids = await Promise.all([1, 2, 3, 4, 5].map((n) => mailer.send(email(n))))
    expect(resend.batches).toEqual([5])
    expect(resend.received.map((e) => e.subject)).toEqual(['Lead 1', 'Lead 2', 'Lead 3', 'Lead 4', 'Lead 5'])
    expect(new Set(ids).size).toBe(5)
    expect(resend.received.every((e) => /^batch\/[0-9a-f]{40}$/.test(e.idempotencyKey ?? ''))).toBe(true)
  })

  it('a lone email goes to POST /emails under its own key', async () => {
    const mailer = resendMailer(client(), journal, { windowMs: 20 })
    await mailer.send(email(9))
    expect(resend.batches).toEqual([])
    expect(resend.received.map((e) => e.idempotencyKey)).toEqual([salesEmailKey(9, 'sales9@example.com')])
  })

  it(
    'after a crash (a new worker on the same journal), a batch Resend accepted is posted again as it was: ' + 'nothing is sent twice',
    async () => {
      const first = resendMailer(client(), journal, { windowMs: 20 })
      const ids = await Promise.all([1, 2, 3].map((n) => first.send(email(n))))
      const duplicatesBefore = resend.duplicates()
      // The next worker takes the jobs up again, grouped with new ones in another order.
      const next = resendMailer(client(), journal, { windowMs: 20 })
      const again = await Promise.all([7, 3, 1, 8, 2].map((n) => next.send(email(n))))
      expect(again).toEqual([expect.any(String), ids[2], ids[0], expect.any(String), ids[1]])
      expect(resend.received.map((e) => e.subject).sort()).toEqual(['Lead 1', 'Lead 2', 'Lead 3', 'Lead 7', 'Lead 8'])
      expect(resend.duplicates()).toBe(duplicatesBefore + 1)
    },
  )

  it('an outage (503) fails every send with one short reason; the retries after it send each email once', async () => {
    const mailer = resendMailer(client(), journal, { windowMs: 20 })
    resend.outage(true)
    // Emails of their own: the stand-in remembers the keys of the tests before this one, as Resend would.
    const failed = await Promise.allSettled([11, 12, 13].map((n) => mailer.send(email(n))))
    expect(failed.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'sent'))).toEqual(
      Array(3).fill('Resend refused the email (HTTP 503): Service unavailable'),
    )
    resend.outage(false)
    // The retries come one by one, as the jobs' backoff lets them: each posts the journaled batch (or waits for it).
    for (const n of [12, 11, 13]) await mailer.send(email(n))
    expect(resend.received.map((e) => e.subject)).toEqual(['Lead 11', 'Lead 12', 'Lead 13'])
    expect(resend.batches).toEqual([3])
  })

  it('a batch Resend refuses for one bad address (422) is sent one by one: the bad email fails alone, the others go once', async () => {
    const mailer = resendMailer(client(), journal, { windowMs: 20 })
    const bad = { ...email(23), to: ['sales23@example..com'] }
    const refusals = resend.refusals()
    const results = await Promise.allSettled([email(21), email(22), bad, email(24)].map((e) => mailer.send(e)))
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'sent'))).toEqual([
      'sent',
      'sent',
      'Resend refused the email (HTTP 422): Invalid `to` field. ' +
        'The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
      'sent',
    ])
    // One refused batch, then each email on its own request under its own key; the bad one refused again.
    expect(resend.batches).toEqual([])
    expect(resend.refusals()).toBe(refusals + 2)
    expect(resend.received.map((e) => [e.subject, e.idempotencyKey])).toEqual(
      [21, 22, 24].map((n) => [`Lead ${n}`, salesEmailKey(n, `sales${n}@example.com`)]),
    )

    // The bad email's retry (its job tries again) fails the same way and sends none of the others twice.
    await expect(mailer.send(bad)).rejects.toThrow('Resend refused the email (HTTP 422)')
    const next = resendMailer(client(), journal, { windowMs: 20 })
    await expect(next.send(bad)).rejects.toThrow('Resend refused the email (HTTP 422)')
    expect(await next.send(email(22))).toBe(results[1]!.status === 'fulfilled' ? results[1]!.value : 'unreachable')
    expect(resend.received.map((e) => e.subject)).toEqual(['Lead 21', 'Lead 22', 'Lead 24'])
  })

  it('a batch refused for every email (403, a wrong API key) is not split: each send fails with that reason', async () => {
    process.env.RESEND_BASE_URL = resend.url
    const mailer = resendMailer(new Resend('wrong'), journal, { windowMs: 20 })
    const refusals = resend.refusals()
    const results = await Promise.allSettled([31, 32, 33].map((n) => mailer.send(email(n))))
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect(resend.refusals()).toBe(refusals + 1)
  })

  it('a 429 is waited out for its retry-after, then the email goes', async () => {
    const mailer = resendMailer(client(), journal, { windowMs: 0 })
    const refusals = resend.refusals()
    resend.throttleNext(2, 0)
    await mailer.send(email(4))
    expect(resend.refusals()).toBe(refusals + 2)
    expect(resend.received.map((e) => e.subject)).toEqual(['Lead 4'])
  })
})

describe('the Resend stand-in', () => {
  const post = (key: string, body: unknown) =>
    fetch(`${resend.url}/emails`, {
      method: 'POST',
      headers: { authorization: 'Bearer re_x', 'idempotency-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('answers a repeated key with the first answer for 24 hours, 409 for another body, and sends again after 24 hours', async () => {
    const first = await (await post('k-1', email(1))).json()
    expect(await (await post('k-1', email(1))).json()).toEqual(first)
    const other = await post('k-1', email(2))
    expect([other.status, ((await other.json()) as { name: string }).name]).toEqual([409, 'invalid_idempotent_request'])
    clock += 24 * 60 * 60 * 1000
    expect(await (await post('k-1', email(1))).json()).not.toEqual(first)
    expect(resend.received).toHaveLength(2)
  })

  it('refuses a batch of more than 100', async () => {
    const response = await fetch(`${resend.url}/emails/batch`, {
      method: 'POST',
      headers: { authorization: 'Bearer re_x' },
      body: JSON.stringify(Array.from({ length: 101 }, (_, n) => email(n))),
    })
    expect(response.status).toBe(422)
    expect(resend.received).toHaveLength(0)
  })
})
