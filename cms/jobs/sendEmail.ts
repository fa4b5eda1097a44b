import type { PayloadRequest } from 'payload'

import type { SentEmail } from '../email/adapter'

/** One email a delivery job sends; the key makes a retry after a lost answer send it once only. */
export interface KeyedEmail {
  to: string
  subject: string
  html: string
  text: string
  replyTo?: string
  /** Custom headers, such as the one-click unsubscribe of RFC 8058. */
  headers?: Record<string, string>
  idempotencyKey: string
}

/**
 * Sends through the project's email adapter (Resend, or the outbox) and answers the provider's id.
 * Payload's `sendEmail` options have no idempotency key; our adapter reads it from the message.
 */
export async function sendEmail(req: PayloadRequest, email: KeyedEmail): Promise<string> {
  const sent = (await req.payload.sendEmail(email as Parameters<typeof req.payload.sendEmail>[0])) as SentEmail
  return sent.id
}
