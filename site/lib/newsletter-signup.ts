// The newsletter box of visitors who are not members: a double opt-in. The form only mails a signed
// link; following it (site/pages/newsletter/confirm.ts) is what subscribes the address.
import { randomUUID } from 'node:crypto'

import { confirmNewsletterSubscriber } from '../../cms/broadcasts/subscribers'
import { payloadSecret } from '../../cms/environment'
import { checkSignup, readConfirmToken } from '../../functions/broadcasts/newsletter-signup'
import type { WindowPolicy } from '../../functions/members/throttle'
import type { NewsletterSignupState } from '../../themes/shared/newsletter'
import { cms } from './cms'
import { addressKey, countInWindow, hashedKey } from './limits'
import { readSmallForm } from './small-form'

/** Sign-ups from one address: a household or an office, not a script filling in other people's addresses. */
const PER_ADDRESS: WindowPolicy = { limit: Number(process.env.NEWSLETTER_LIMIT_PER_IP ?? 20), windowMs: 60 * 60_000 }
/** Confirmation emails to one address: one per window, however often the form is sent for it. */
export const PER_EMAIL: WindowPolicy = { limit: 1, windowMs: 15 * 60_000 }

export interface SignupAnswer {
  status: 200 | 413 | 422 | 429
  signup: NewsletterSignupState
  retryAfterSeconds?: number
}

/**
 * A POST of the newsletter box: per-field messages for bad input (422); otherwise the confirmation
 * email is queued, at most one per address per PER_EMAIL window, and the answer is the same
 * whether an email went out, was held back by the window, or the address is subscribed already.
 */
export async function newsletterSignup(request: Request, clientAddress: string, locale: string, now = new Date()): Promise<SignupAnswer> {
  const form = await readSmallForm(request)
  if (form === 'too-large') return { status: 413, signup: { state: 'form' } }
  const fields = Object.fromEntries(form ?? [])
  const values = { email: String(fields.email ?? '').slice(0, 254), consent: Boolean(fields.consent) }
  const check = checkSignup(fields, locale)
  if (!check.ok) {
    const errors = Object.fromEntries(Object.entries(check.errors).filter(([, m]) => m)) as Record<string, string>
    return { status: 422, signup: { state: 'invalid', errors, values } }
  }
  const gate = await countInWindow(`newsletter:${addressKey(clientAddress)}`, PER_ADDRESS, now)
  if (!gate.allowed) return { status: 429, signup: { state: 'form', values }, retryAfterSeconds: Math.ceil(gate.retryAfterMs / 1000) }
  const once = await countInWindow(`newsletter-email:${hashedKey(check.email)}`, PER_EMAIL, now)
  if (once.allowed) {
    const payload = await cms()
    await payload.jobs.queue({
      task: 'sendNewsletterConfirmation',
      input: { email: check.email, locale, requestId: randomUUID(), requestedAt: now.getTime() },
      queue: 'default',
    })
  }
  return { status: 200, signup: { state: 'sent' } }
}

/** Follows a confirmation link: subscribes its address, or says why not (forged or altered, expired). */
export async function confirmSignup(token: unknown, now = new Date()): Promise<'invalid' | 'expired' | { subscribed: boolean }> {
  const grant = readConfirmToken(token, payloadSecret(), now)
  if (typeof grant === 'string') return grant
  const outcome = await confirmNewsletterSubscriber(await cms(), grant.email, now)
  return { subscribed: outcome.subscribed }
}
