import type { TaskConfig } from 'payload'

import { idOf } from '../../functions/members/records'
import { downloadKey } from '../../functions/notifications/idempotency-key'
import { downloadUrl, renderDownloadEmail, signDownloadToken } from '../../functions/offers'
import { payloadSecret, siteUrl } from '../environment'
import { attemptDelivery, deliveryRetries, submissionInputSchema } from './deliveries'
import { loadSubmission, visitorEmail } from './loadSubmission'
import { sendEmail } from './sendEmail'

/**
 * The job that emails a content offer: a signed link to the form's PDF, valid seven days from the
 * submission (the same link the answer showed, give or take the moment of storing). Does nothing
 * for likely spam, a form that no longer sends a download, or a submission without an email.
 */
export const sendDownload: TaskConfig<{ input: { submissionId: string }; output: { providerId?: string; skipped?: string } }> = {
  slug: 'sendDownload',
  inputSchema: submissionInputSchema,
  outputSchema: [
    { name: 'providerId', type: 'text' },
    { name: 'skipped', type: 'text' },
  ],
  retries: deliveryRetries,
  handler: async ({ input, req, job }) => {
    const { submission, form, lead, values, locale } = await loadSubmission(req, input.submissionId)
    // A bot may have typed someone else's address: never mail likely spam.
    if (submission.isSpam) return { output: { skipped: 'spam' } }
    const mediaId = form.successAction === 'download' ? idOf(form.download) : null
    if (!mediaId) return { output: { skipped: 'no download' } }
    const media = await req.payload.findByID({ collection: 'media', id: mediaId, depth: 0, locale, disableErrors: true })
    if (!media || media.mimeType !== 'application/pdf') return { output: { skipped: 'no document' } }
    const to = visitorEmail({ form, values })
    if (!to) return { output: { skipped: 'no email' } }
    const token = signDownloadToken(
      { media: media.id, submission: submission.id, issuedAt: Date.parse(submission.createdAt) },
      payloadSecret(),
    )
    const email = renderDownloadEmail({
      locale,
      name: typeof values.name === 'string' ? values.name : (lead.name ?? ''),
      title: media.alt || media.filename || 'PDF',
      url: downloadUrl(siteUrl, token),
    })
    const providerId = await attemptDelivery({ req, job, leadId: lead.id, kind: 'download', to }, () =>
      sendEmail(req, { to, ...email, replyTo: form.defaultRecipient, idempotencyKey: downloadKey(submission.id, to) }),
    )
    return { output: { providerId } }
  },
}
