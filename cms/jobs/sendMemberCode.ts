import type { TaskConfig } from 'payload'

import { type Locale, LOCALE_CODES } from '../../functions/content/locales'
import { localizedHref } from '../../functions/content/paths'
import { renderCodeEmail } from '../../functions/members/code-email'
import { renderEmailChangedNotice } from '../../functions/members/email-changed-notice'
import { type CodePurpose, type CodeRecord, issueCode } from '../../functions/members/one-time-code'
import { hasMailbox } from '../../functions/phone/mailbox'
import { payloadSecret, siteUrl } from '../environment'
import { membersStore } from '../members/store'
import { deliveryRetries } from './deliveries'
import { sendEmail } from './sendEmail'

const PURPOSES: CodePurpose[] = ['sign-in', 'verify-email', 'change-email', 'reset-password']

/** Where the member types each code, so the email can say so. */
const PAGE_OF: Record<CodePurpose, string> = {
  'sign-in': '/account/sign-in/code',
  'verify-email': '/account/verify',
  'change-email': '/account/email',
  'reset-password': '/account/reset',
}

export interface MemberCodeInput {
  /** The normalised email the code is for (for change-email, the member's current one). */
  subject: string
  purpose: CodePurpose
  locale: string
  /** Unique per request: a retry of this job recognises the code it issued itself. */
  requestId: string
  /** For change-email: the address the code goes to. */
  newEmail?: string | null
  /** 'email-changed': no code, a notice to `subject` (the old address) that the email is now `newEmail`. */
  notice?: string | null
}

/**
 * The job that issues a one-time code and mails it. The input holds no code: the job issues one
 * (storing only its hash), so a retry after a failed send issues a fresh one and nothing readable
 * sits in the jobs table. An email with no account, or an account that no longer needs the code,
 * gets nothing: the site answers the same either way, so nobody learns who has an account.
 */
export const sendMemberCode: TaskConfig<{ input: MemberCodeInput; output: { providerId?: string; skipped?: string } }> = {
  slug: 'sendMemberCode',
  inputSchema: [
    { name: 'subject', type: 'text', required: true },
    { name: 'purpose', type: 'text', required: true },
    { name: 'locale', type: 'text', required: true },
    { name: 'requestId', type: 'text', required: true },
    { name: 'newEmail', type: 'text' },
    { name: 'notice', type: 'text' },
  ],
  outputSchema: [
    { name: 'providerId', type: 'text' },
    { name: 'skipped', type: 'text' },
  ],
  retries: deliveryRetries,
  handler: async ({ input, req }) => {
    const purpose = PURPOSES.find((p) => p === input.purpose)
    if (!purpose) return { output: { skipped: 'unknown purpose' } }
    const store = membersStore(req.payload)
    const locale: Locale = LOCALE_CODES.find((code) => code === input.locale) ?? LOCALE_CODES[0]!
    if (input.notice === 'email-changed' && input.newEmail) {
      // The old address has no account any more by design: the notice goes to it all the same.
      const settings = await req.payload.findGlobal({ slug: 'site-settings', locale, depth: 0 })
      const notice = renderEmailChangedNotice({ brand: settings.brandName ?? '', newEmail: input.newEmail, locale })
      return {
        output: { providerId: await sendEmail(req, { to: input.subject, ...notice, idempotencyKey: `member-notice-${input.requestId}` }) },
      }
    }
    const member = await store.memberByEmail(input.subject)
    if (!member || member.erasedAt) return { output: { skipped: 'no account' } }
    if (purpose === 'verify-email' && member.emailVerifiedAt) return { output: { skipped: 'already verified' } }
    const to = purpose === 'change-email' ? input.newEmail : member.email
    // A member who signed up by phone has a placeholder address that no mail can reach (functions/phone/mailbox.ts).
    if (!to || !hasMailbox(to)) return { output: { skipped: 'no address' } }
    // The site answers the same whether or not the new address has an account; only the mail differs.
    if (purpose === 'change-email' && (await store.memberByEmail(to))) return { output: { skipped: 'address taken' } }

    const stored = await store.codeOf(input.subject, purpose)
    let previous: CodeRecord | null = stored?.record ?? null
    // A retry of this very request: the code it issued never arrived, so it does not count toward the limits.
    if (previous && stored?.requestId === input.requestId)
      previous = { ...previous, issuedAt: new Date(0).toISOString(), issuedInWindow: Math.max(0, previous.issuedInWindow - 1) }
    const issued = issueCode(previous, { subject: input.subject, purpose, secret: payloadSecret(), now: new Date() })
    if (!issued.ok) return { output: { skipped: issued.reason } }
    await store.saveIssuedCode(input.subject, purpose, issued.record, { requestId: input.requestId, newEmail: input.newEmail ?? null })

    const settings = await req.payload.findGlobal({ slug: 'site-settings', locale, depth: 0 })
    const defaultLocale = LOCALE_CODES.find((code) => code === settings.defaultLocale) ?? LOCALE_CODES[0]!
    const email = renderCodeEmail({
      purpose,
      code: issued.code,
      brand: settings.brandName ?? '',
      locale,
      pageUrl: `${siteUrl}${localizedHref(PAGE_OF[purpose], locale, defaultLocale)}`,
    })
    // Each try issues a different code, so the key names the code (by its hash): a re-run after a
    // crash sends the new, valid code rather than having Resend replay the one it just replaced.
    const providerId = await sendEmail(req, {
      to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      idempotencyKey: `member-code/${input.requestId}/${issued.record.hash.slice(0, 16)}`,
    })
    return { output: { providerId } }
  },
}
