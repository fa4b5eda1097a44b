import type { TaskConfig } from 'payload'

import { signWebhook } from '../../functions/notifications/webhook-signature'
import { submissionCreatedEvent, webhookDeliveryId } from '../../functions/notifications/webhook-event'
import { attemptDelivery, deliveryRetries, submissionInputSchema } from './deliveries'
import { loadSubmission } from './loadSubmission'

/** How long a CRM has to answer one delivery before the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000

/** The start of a refusing answer's body, for the reason on the lead: read no more than a few KB of it. */
async function excerpt(response: Response): Promise<string> {
  const reader = response.body?.getReader()
  if (!reader) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  while (size < 4096) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.byteLength
  }
  // Only the start is kept; cancelling may fail if the stream already ended, which loses nothing.
  await reader.cancel().catch(() => undefined)
  return new TextDecoder().decode(Buffer.concat(chunks)).replace(/\s+/g, ' ').trim().slice(0, 200)
}

function failure(error: unknown): Error {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return new Error(`No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined
  return new Error(`Could not reach the webhook: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`)
}

/**
 * The job that POSTs a stored submission to the form's webhook (a CRM) as signed JSON; a refusal
 * (any answer but 2xx), a timeout or a network error fails the attempt, and the job is retried.
 */
export const sendWebhook: TaskConfig<{ input: { submissionId: string }; output: { deliveryId?: string; skipped?: string } }> = {
  slug: 'sendWebhook',
  inputSchema: submissionInputSchema,
  outputSchema: [
    { name: 'deliveryId', type: 'text' },
    { name: 'skipped', type: 'text' },
  ],
  retries: deliveryRetries,
  handler: async ({ input, req, job }) => {
    const { submission, form, lead, values } = await loadSubmission(req, input.submissionId)
    const url = form.webhook?.url
    if (submission.isSpam) return { output: { skipped: 'spam' } }
    if (!url) return { output: { skipped: 'no webhook' } }
    const deliveryId = webhookDeliveryId(submission.id)
    const event = submissionCreatedEvent({
      form: { id: form.id, name: form.name },
      lead: { id: lead.id, email: lead.email, phone: lead.phone, name: lead.name, status: lead.status },
      submission: { ...submission, values },
    })
    const body = JSON.stringify(event)
    // The lead's log names the host only: a URL's path or query may carry a token of the CRM's.
    const to = new URL(url).host
    await attemptDelivery({ req, job, leadId: lead.id, kind: 'webhook', to }, async () => {
      const secret = form.webhook?.secret
      if (!secret) throw new Error('The form\'s webhook has no secret: an admin should set one of at least 16 characters.')
      const timestamp = Math.floor(Date.now() / 1000)
      let response: Response
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'brand-site-webhooks',
            // The same id on every attempt: a receiver de-duplicates a re-run after a crash on either header.
            'x-webhook-id': deliveryId,
            'idempotency-key': deliveryId,
            'x-webhook-timestamp': String(timestamp),
            'x-webhook-signature': signWebhook(secret, timestamp, body),
          },
          body,
          // A redirect would carry the signed lead somewhere the admin did not configure.
          redirect: 'manual',
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        })
      } catch (error) {
        throw failure(error)
      }
      if (!response.ok) {
        // A body that cannot be read (it timed out, say) still leaves the status as the reason.
        const text = await excerpt(response).catch(() => '')
        throw new Error(`HTTP ${response.status}${text ? `: ${text}` : ''}`)
      }
      // The answer's body means nothing to us; cancelling frees the connection.
      await response.body?.cancel().catch(() => undefined)
      return deliveryId
    })
    return { output: { deliveryId } }
  },
}
