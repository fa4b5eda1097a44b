import path from 'node:path'

import type { EmailAdapter, SendEmailOptions } from 'payload'
import { Resend } from 'resend'

import { unnamedEmailKey } from '../../functions/notifications/idempotency-key'
import { dataDir } from '../environment'
import { resendMailer } from './resend-mailer'

/** What the adapter returns for a message: the provider's id, or the outbox row's. */
export interface SentEmail {
  id: string
}

const FROM = process.env.EMAIL_FROM || 'Brand site <noreply@example.com>'

function addresses(value: SendEmailOptions['to']): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : []
  return list.map((a) => (typeof a === 'string' ? a : a.address))
}

/** Custom headers given as a plain record of strings (what Resend takes); nodemailer's other shapes are not used here. */
function plainHeaders(value: SendEmailOptions['headers']): Record<string, string> | null {
  if (!value || Array.isArray(value) || typeof value !== 'object') return null
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  return entries.length ? Object.fromEntries(entries) : null
}

/**
 * The project's email adapter: Resend through its SDK (RESEND_BASE_URL points it elsewhere, as the
 * tests do), or, without RESEND_API_KEY, the outbox collection, so a new install loses no mail.
 * Throws when the provider refuses, so the job that sends retries.
 */
export const emailAdapter: EmailAdapter<SentEmail> = ({ payload }) => {
  const [fromName, fromAddress] = [FROM.replace(/\s*<.*$/, ''), FROM.match(/<([^>]+)>/)?.[1] ?? FROM]
  const key = process.env.RESEND_API_KEY
  if (!key) {
    // Said by the jobs worker only, the one process that sends mail, so the console says it once.
    if (process.env.PAYLOAD_JOBS_WORKER === 'true')
      payload.logger.info('RESEND_API_KEY is not set: emails go to the Outbox collection in the CMS instead of being sent.')
    return {
      name: 'outbox',
      defaultFromAddress: fromAddress,
      defaultFromName: fromName,
      sendEmail: async (message) => {
        const doc = await payload.create({
          collection: 'outbox',
          data: {
            to: addresses(message.to).join(', '),
            from: FROM,
            replyTo: addresses(message.replyTo as SendEmailOptions['to']).join(', ') || undefined,
            subject: String(message.subject ?? ''),
            text: String(message.text ?? ''),
            html: String(message.html ?? ''),
          },
          overrideAccess: true,
        })
        return { id: `outbox-${doc.id}` }
      },
    }
  }
  const mailer = resendMailer(new Resend(key), path.join(dataDir, 'mail-journal'))
  return {
    name: 'resend',
    defaultFromAddress: fromAddress,
    defaultFromName: fromName,
    sendEmail: async (message) => {
      const replyTo = addresses(message.replyTo as SendEmailOptions['to'])
      const to = addresses(message.to)
      const subject = String(message.subject ?? '')
      const headers = plainHeaders(message.headers)
      // Every email of the product's jobs carries a key naming what it is (lead-email/<submission>/<address hash>);
      // one sent from elsewhere (Payload's password reset) gets one from its content, hashed.
      const idempotencyKey = (message as { idempotencyKey?: string }).idempotencyKey ?? unnamedEmailKey(to, subject, Date.now())
      // Throws when Resend refuses, so that the job retries.
      const id = await mailer.send({
        from: FROM,
        to,
        subject,
        html: String(message.html ?? ''),
        text: String(message.text ?? ''),
        ...(replyTo.length ? { replyTo } : {}),
        ...(headers ? { headers } : {}),
        idempotencyKey,
      })
      return { id }
    },
  }
}
