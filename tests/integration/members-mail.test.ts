import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startFakeResend } from './fake-resend'
import { harness } from './members-harness'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let resend: Awaited<ReturnType<typeof startFakeResend>>
let h: ReturnType<typeof harness>

beforeAll(async () => {
  resend = await startFakeResend()
  process.env.RESEND_API_KEY = 're_test_key'
  process.env.RESEND_BASE_URL = resend.url
  ;({ payload, cleanup } = await startPayload())
  h = harness(payload)
  await payload.updateGlobal({ slug: 'site-settings', locale: 'zh-CN', data: { brandName: '灯笼茶' } })
})
afterAll(async () => {
  await cleanup?.()
  await resend.close()
  delete process.env.RESEND_API_KEY
  delete process.env.RESEND_BASE_URL
})

/** Runs due jobs until the queue is empty, waiting out the retries' backoff. */
async function drain(): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await payload.jobs.run({ limit: 50 })
    const left = await payload.count({
      collection: 'payload-jobs',
      where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    })
    if (left.totalDocs === 0) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('jobs did not finish')
}

describe('code emails through Resend, queued and retried', () => {
  it('a failed send is retried with a fresh code; only the code that arrived works', async () => {
    const res = await h.call('POST', '/account/sign-up', { body: { email: 'retry@example.com', password: 'Lantern-garden 42' } })
    expect(res.status).toBe(201)
    const cookie = h.sessionOf(res)
    resend.failNext(1)
    const issuedBefore = (await payload.find({ collection: 'member-codes', depth: 0 })).totalDocs
    expect(issuedBefore).toBe(0)
    await payload.jobs.run({ limit: 10 })
    const firstRecord = (await payload.find({ collection: 'member-codes', where: { subject: { equals: 'retry@example.com' } }, depth: 0 }))
      .docs[0]!.record as { hash: string }
    expect(resend.received).toHaveLength(0)
    await drain()
    expect(resend.received).toHaveLength(1)
    const mail = resend.received[0]!
    expect([mail.to, mail.subject]).toEqual([['retry@example.com'], '验证您在 灯笼茶 的邮箱'])
    expect(mail.idempotencyKey).toMatch(/^member-code\/[0-9a-f-]{36}\/[0-9a-f]{16}$/)
    const code = mail.text.match(/\b(\d{6})\b/)![1]!
    const secondRecord = (await payload.find({ collection: 'member-codes', where: { subject: { equals: 'retry@example.com' } }, depth: 0 }))
      .docs[0]!.record as { hash: string; issuedInWindow: number }
    expect(secondRecord.hash).not.toBe(firstRecord.hash)
    // The key names the code that went out (the retry's), so a re-run after a crash sends its new code.
    expect(mail.idempotencyKey).toBe(`member-code/${mail.idempotencyKey!.split('/')[1]}/${secondRecord.hash.slice(0, 16)}`)
    // The retry's code is not counted twice toward the hourly limit.
    expect(secondRecord.issuedInWindow).toBe(1)
    const verified = await h.call('POST', '/account/verify', { body: { code }, cookie })
    expect(verified.status).toBe(200)
  })
})
