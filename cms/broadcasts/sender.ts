import type { Payload } from 'payload'
import { Resend } from 'resend'

import type { BroadcastEmail } from '../../functions/broadcasts/email'
import type { BatchSender } from '../../functions/broadcasts/send'

const FROM = () => process.env.EMAIL_FROM || 'Brand site <noreply@example.com>'

/** Resend's `retry-after` in seconds (a number, or an HTTP date), or null when absent. */
function retryAfter(headers: Record<string, string> | null | undefined): number | null {
  const value = headers?.['retry-after']
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(value)
  return Number.isFinite(date) ? Math.max(0, (date - Date.now()) / 1000) : null
}

/**
 * Resend's `POST /emails/batch` through its SDK (RESEND_BASE_URL points it elsewhere, as the tests
 * do), one Idempotency-Key per batch. The SDK answers { data, error, headers } instead of throwing.
 */
export function resendBatchSender(apiKey: string): BatchSender {
  const resend = new Resend(apiKey)
  return {
    async send(emails: BroadcastEmail[], idempotencyKey: string) {
      const from = FROM()
      const { data, error, headers } = await resend.batch.send(
        emails.map((e) => ({ from, to: [e.to], subject: e.subject, html: e.html, text: e.text, headers: e.headers })),
        { idempotencyKey },
      )
      if (error || !data) {
        const status = typeof error?.statusCode === 'number' ? error.statusCode : 0
        return { ok: false, status, retryAfterSeconds: retryAfter(headers), message: error?.message ?? 'no answer' }
      }
      return { ok: true, ids: data.data.map((d) => d.id) }
    },
  }
}

/** Without RESEND_API_KEY: each email to the Outbox collection, as the project's email adapter does. */
export function outboxBatchSender(payload: Payload): BatchSender {
  return {
    async send(emails) {
      const ids: string[] = []
      for (const e of emails) {
        const doc = await payload.create({
          collection: 'outbox',
          data: { to: e.to, from: FROM(), subject: e.subject, text: e.text, html: e.html },
          overrideAccess: true,
          depth: 0,
          select: {},
        })
        ids.push(`outbox-${doc.id}`)
      }
      return { ok: true, ids }
    },
  }
}

/** The sender this process uses: Resend when RESEND_API_KEY is set, else the Outbox. */
export function batchSenderFor(payload: Payload): BatchSender {
  const key = process.env.RESEND_API_KEY
  return key ? resendBatchSender(key) : outboxBatchSender(payload)
}
