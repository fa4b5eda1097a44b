import type { TaskConfig } from 'payload'

import { submissionCreatedEvent, webhookDeliveryId } from '../../functions/notifications/webhook-event'
import { signWebhook } from '../../functions/notifications/webhook-signature'
import { attemptDelivery, deliveryRetries, submissionInputSchema } from './deliveries'
import { loadSubmission } from './loadSubmission'
import { InwardAddressError, postWebhook } from './webhookRequest'

/** How long a CRM has to answer one delivery before the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000

function failure(error: unknown): Error {
  if (error instanceof InwardAddressError) return error
  if (error instanceof Error && error.name === 'TimeoutError') return new Error(`No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)
  const code = (error as NodeJS.ErrnoException | null)?.code
  return new Error(`Could not reach the webhook: ${code ?? (error instanceof Error ? error.message : String(error))}`)
}

/**
 * The job that POSTs a stored submission to the form's webhook (a CRM) as signed JSON; a refusal
 * (any answer but 2xx, redirects included), a timeout, a network error or a private address fails
 * the attempt, and the job is retried.
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
      if (!secret) throw new Error("The form's webhook has no secret: an admin should set one of at least 16 characters.")
      const timestamp = Math.floor(Date.now() / 1000)
      let status: number
      try {
        status = await postWebhook(
          url,
          {
            'content-type': 'application/json',
            'user-agent': 'brand-site-webhooks',
            // The same id on every attempt: a receiver de-duplicates a re-run after a crash on either header.
            'x-webhook-id': deliveryId,
            'idempotency-key': deliveryId,
            'x-webhook-timestamp': String(timestamp),
            'x-webhook-signature': signWebhook(secret, timestamp, body),
          },
          body,
          WEBHOOK_TIMEOUT_MS,
        )
      } catch (error) {
        throw failure(error)
      }
      // The status only: the answer's body is the remote's words, and sales read the reason on the lead.
      if (status < 200 || status > 299) throw new Error(`HTTP ${status}`)
      return deliveryId
    })
    return { output: { deliveryId } }
  },
}
