import { escapeHtml } from '../content/rich-text'
import type { Locale } from './locale'

/** `ada@example.com` → `a**@example.com`: enough for the owner to recognise, little for anyone else. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(2, local.length - 1))}@${domain}`
}

/**
 * The email to a member's old address after their email changed: a stolen session that changes it
 * is then no silent takeover, and the owner knows to act.
 * @example renderEmailChangedNotice({ brand: 'Acme', newEmail: 'new@example.com', locale: 'en' }).subject
 *   // 'The email of your Acme account was changed'
 */
export function renderEmailChangedNotice({ brand, newEmail, locale }: { brand: string; newEmail: string; locale: Locale }): {
  subject: string
  text: string
  html: string
} {
  const masked = maskEmail(newEmail)
  const name = brand || (locale === 'en' ? 'the site' : '本站')
  const subject = locale === 'en' ? `The email of your ${name} account was changed` : `您在 ${name} 的账户邮箱已更改`
  const body =
    locale === 'en'
      ? `The email of your account is now ${masked}. This address no longer signs in. If you did not make this change, ` +
        `reply to this email at once so that we can lock the account.`
      : `您的账户邮箱已更改为 ${masked}，本邮箱将无法再登录。如果这不是您本人的操作，请立即回复此邮件，我们会锁定该账户。`
  return { subject, text: body, html: `<p>${escapeHtml(body)}</p>` }
}
