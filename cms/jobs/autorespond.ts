import type { TaskConfig } from 'payload'

import { renderAutoresponder } from '../../functions/notifications/autoresponder'
import { autoresponderKey } from '../../functions/notifications/idempotency-key'
import { attemptDelivery, deliveryRetries, submissionInputSchema } from './deliveries'
import { loadSubmission, visitorEmail } from './loadSubmission'
import { sendEmail } from './sendEmail'

/**
 * The job that emails the visitor the form's autoresponder in the language they submitted in;
 * Reply-To is the form's default recipient. Does nothing when the form's autoresponder is off or
 * the submission has no email address.
 */
export const autorespond: TaskConfig<{ input: { submissionId: string }; output: { providerId?: string; skipped?: string } }> = {
  slug: 'autorespond',
  inputSchema: submissionInputSchema,
  outputSchema: [
    { name: 'providerId', type: 'text' },
    { name: 'skipped', type: 'text' },
  ],
  retries: deliveryRetries,
  handler: async ({ input, req, job }) => {
    const { submission, form, lead, values } = await loadSubmission(req, input.submissionId)
    const settings = form.autoresponder
    // Never answer likely spam: a bot may have typed someone else's address.
    if (submission.isSpam) return { output: { skipped: 'spam' } }
    if (!settings?.enabled) return { output: { skipped: 'disabled' } }
    if (!settings.subject || !settings.body) return { output: { skipped: 'no subject or body' } }
    const to = visitorEmail({ form, values })
    if (!to) return { output: { skipped: 'no email' } }
    const name = typeof values.name === 'string' ? values.name.trim() : (lead.name ?? '')
    const email = renderAutoresponder({ subject: settings.subject, body: settings.body, name })
    const providerId = await attemptDelivery({ req, job, leadId: lead.id, kind: 'autoresponder', to }, () =>
      sendEmail(req, {
        to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        replyTo: form.defaultRecipient,
        idempotencyKey: autoresponderKey(submission.id, to),
      }),
    )
    return { output: { providerId } }
  },
}
