import { escapeHtml } from '../content/rich-text'
import { readSignedToken, signToken } from '../content/signed-token'
import { isEmail, normalizeEmail } from '../lead-intake'

/** How long a confirmation link works: two days, enough for an inbox read the next evening. */
export const CONFIRM_TTL_MS = 48 * 60 * 60_000

const PURPOSE = 'newsletter-confirm'

const MESSAGES = {
  'zh-CN': { email: '请输入有效的电子邮箱。', consent: '请勾选同意接收新闻邮件。' },
  en: { email: 'Enter a valid email address.', consent: 'Tick the box to agree to receive the newsletter.' },
}

export type SignupCheck = { ok: true; email: string } | { ok: false; errors: Record<'email' | 'consent', string | undefined> }

/**
 * Checks the sign-up box: a valid address and the consent box ticked, each refusal beside its field.
 * @example checkSignup({ email: 'a@b.example', consent: 'on' }, 'en') // { ok: true, email: 'a@b.example' }
 */
export function checkSignup(fields: Record<string, unknown>, locale: string): SignupCheck {
  const words = MESSAGES[locale as keyof typeof MESSAGES] ?? MESSAGES.en
  const raw = typeof fields.email === 'string' ? fields.email : ''
  const email = raw.length <= 254 && isEmail(normalizeEmail(raw)) ? normalizeEmail(raw) : null
  const consent = ['on', 'true', '1', 'yes'].includes(typeof fields.consent === 'string' ? fields.consent : '')
  if (email && consent) return { ok: true, email }
  return { ok: false, errors: { email: email ? undefined : words.email, consent: consent ? undefined : words.consent } }
}

/** Whom a confirmation link subscribes, in which language, since when. */
export interface ConfirmGrant {
  email: string
  locale: string
  issuedAt: number
}

/** The signed token of a confirmation link: the address and language, and when it was issued. */
export function signConfirmToken(grant: ConfirmGrant, secret: string): string {
  if (!secret) throw new Error('A confirmation link needs a server secret (PAYLOAD_SECRET).')
  return signToken({ e: grant.email, l: grant.locale, t: grant.issuedAt }, PURPOSE, secret)
}

/** The grant of a confirmation token, `'expired'` past CONFIRM_TTL_MS, or `'invalid'` when forged, altered or malformed. */
export function readConfirmToken(token: unknown, secret: string, now: Date): ConfirmGrant | 'invalid' | 'expired' {
  if (typeof token !== 'string' || token.length > 2048 || !secret) return 'invalid'
  const body = readSignedToken(token, PURPOSE, secret) as { e?: unknown; l?: unknown; t?: unknown } | null
  if (!body || typeof body.e !== 'string' || typeof body.l !== 'string' || typeof body.t !== 'number') return 'invalid'
  const email = normalizeEmail(body.e)
  if (!isEmail(email)) return 'invalid'
  const age = now.getTime() - body.t
  if (age < 0 || age > CONFIRM_TTL_MS) return 'expired'
  return { email, locale: body.l, issuedAt: body.t }
}

const EMAIL_WORDS = {
  'zh-CN': {
    subject: (brand: string) => `请确认订阅 ${brand} 的新闻邮件`,
    body: (brand: string) => `有人用这个邮箱订阅了 ${brand} 的新闻邮件。如果是您，请点击下面的链接确认（48 小时内有效）：`,
    button: '确认订阅',
    ignore: '如果不是您，请忽略这封邮件：不确认就不会订阅。',
  },
  en: {
    subject: (brand: string) => `Confirm your subscription to ${brand}`,
    body: (brand: string) => `Someone asked for ${brand}'s newsletter at this address. If it was you, confirm within 48 hours:`,
    button: 'Confirm my subscription',
    ignore: 'If it was not you, ignore this email: nobody is subscribed without this confirmation.',
  },
}

/** The double opt-in email: the confirmation link, and what happens if the reader ignores it. */
export function confirmationEmail(url: string, brand: string, locale: string): { subject: string; html: string; text: string } {
  const w = EMAIL_WORDS[locale as keyof typeof EMAIL_WORDS] ?? EMAIL_WORDS.en
  return {
    subject: w.subject(brand),
    html: [
      `<!doctype html><html lang="${escapeHtml(locale)}"><body>`,
      `<p>${escapeHtml(w.body(brand))}</p>`,
      `<p><a href="${escapeHtml(url)}">${escapeHtml(w.button)}</a></p>`,
      `<p style="color:#666">${escapeHtml(w.ignore)}</p></body></html>`,
    ].join(''),
    text: `${w.body(brand)}\n\n${url}\n\n${w.ignore}`,
  }
}
