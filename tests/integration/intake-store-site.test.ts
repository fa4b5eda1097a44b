// Submitting a form through the site: an uploaded PDF kept as a lead file, repeated submissions as spam, rate limits.
import { describe, expect, it, vi } from 'vitest'

import { flushRefusals, formId, payload, submitForm, useIntakeStore } from './intake-store-harness'

useIntakeStore()

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

  // Last: its refusals add to the day's counters that the test above reads.
  it('takes exactly 30 of 40 submissions sent at once from one address, and stores nothing of the 10 refused', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        submitForm({ formId, fields: { email: `burst-${i}@example.com` }, clientAddress: '198.51.100.40', ...meta }),
      ),
    )
    const statuses = outcomes.map((o) => o.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(30)
    expect(statuses.filter((s) => s === 429)).toHaveLength(10)
    const stored = await payload.count({ collection: 'leads', where: { email: { like: 'burst-' } } })
    expect(stored.totalDocs).toBe(30)
  })
})
