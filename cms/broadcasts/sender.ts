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

/**
 * Without RESEND_API_KEY: each email to the Outbox collection, as the project's email adapter does.
 * Each row carries the batch's key and the email's place in it (unique), so a batch written again
 * after a kill keeps the rows already there and adds only the missing ones, as Resend's key would.
 */
export function outboxBatchSender(payload: Payload): BatchSender {
  const existing = async (keys: string[]) => {
    const { docs } = await payload.find({
      collection: 'outbox',
      where: { idempotencyKey: { in: keys } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { idempotencyKey: true },
    })
    return new Map(docs.map((d) => [d.idempotencyKey!, d.id]))
  }
  return {
    async send(emails, idempotencyKey) {
      const keys = emails.map((_, i) => `${idempotencyKey}:${i}`)
      const written = await existing(keys)
      const ids: string[] = []
      for (const [i, e] of emails.entries()) {
        let id = written.get(keys[i]!)
        if (id === undefined) {
          const doc = await payload
            .create({
              collection: 'outbox',
              data: { to: e.to, from: FROM(), subject: e.subject, text: e.text, html: e.html, idempotencyKey: keys[i] },
              overrideAccess: true,
              depth: 0,
              select: {},
            })
            // Another run wrote this email meanwhile (the unique key refused a second row): use that one.
            .catch(async (error: unknown) => {
              const id = (await existing([keys[i]!])).get(keys[i]!)
              if (id === undefined) throw error
              return { id }
            })
          id = doc.id
        }
        ids.push(`outbox-${id}`)
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
