import type { TaskConfig } from 'payload'

import { confirmationEmail, signConfirmToken } from '../../functions/broadcasts/newsletter-signup'
import { type Locale, LOCALE_CODES } from '../../functions/content/locales'
import { payloadSecret, siteUrl } from '../environment'
import { deliveryRetries } from './deliveries'
import { sendEmail } from './sendEmail'

export interface NewsletterConfirmationInput {
  email: string
  locale: string
  /** Unique per request: a retry of this job sends the same email under the same key. */
  requestId: string
  /** When the visitor asked (ms): the link's age counts from here, whenever the job runs. */
  requestedAt: number
}

/**
 * The double opt-in email of the newsletter box: a signed link that subscribes the address only
 * when its owner follows it. Until then nothing is stored about the address but this job.
 */
export const sendNewsletterConfirmation: TaskConfig<{ input: NewsletterConfirmationInput; output: { providerId?: string } }> = {
  slug: 'sendNewsletterConfirmation',
  inputSchema: [
    { name: 'email', type: 'text', required: true },
    { name: 'locale', type: 'text', required: true },
    { name: 'requestId', type: 'text', required: true },
    { name: 'requestedAt', type: 'number', required: true },
  ],
  outputSchema: [{ name: 'providerId', type: 'text' }],
  retries: deliveryRetries,
  handler: async ({ input, req }) => {
    const locale: Locale = LOCALE_CODES.find((code) => code === input.locale) ?? LOCALE_CODES[0]!
    const settings = await req.payload.findGlobal({ slug: 'site-settings', locale, depth: 0, overrideAccess: true })
    const token = signConfirmToken({ email: input.email, locale, issuedAt: input.requestedAt }, payloadSecret())
    // One bilingual confirmation page for every locale, as /unsubscribe is.
    const url = `${siteUrl}/newsletter/confirm?token=${encodeURIComponent(token)}`
    const email = confirmationEmail(url, settings.brandName ?? '', locale)
    const providerId = await sendEmail(req, { to: input.email, ...email, idempotencyKey: `newsletter-confirm-${input.requestId}` })
    return { output: { providerId } }
  },
}
