// Sign-in (and sign-up) with a mobile number and a texted code: POST `phone` texts a code; POST
// `phone` and `code` signs in, opening an account for a new number. A signed-in member adds the number to their account.
import { randomUUID } from 'node:crypto'

import { payloadSecret } from '../../../cms/environment'
import { accountError, type AccountErrorResponse } from '../../../functions/members/account-errors'
import { phoneKey } from '../../../functions/members/identities'
import type { Locale, Localized } from '../../../functions/members/locale'
import { issueCode, normalizeCode } from '../../../functions/members/one-time-code'
import { hasMailbox } from '../../../functions/phone/mailbox'
import { allowedCountryCodes, parsePhone, type PhoneNumber, type PhoneRefusal } from '../../../functions/phone/phone-number'
import { createSmsGuard, smsDailyBudget, type SmsDecision } from '../../../functions/phone/sms-guard'
import { sharedThrottles } from '../limits'
import { identities, membersStore, queuePhoneCode } from '../stores'
import { checkCode } from './codes'
import { codeRequested } from './guard'
import { type Action, type ActionContext, invalid, refuse } from './outcome'
import { memberForPhone } from './phone-member'
import { text } from './request'
import { startSession } from './session'

const PHONE_MESSAGES: Record<PhoneRefusal | 'code', Localized> = {
  invalid: {
    'zh-CN': '请输入有效的手机号码（11 位，以 1 开头）。',
    en: 'Enter a valid mobile number (11 digits starting with 1 for mainland China).',
  },
  'country-not-allowed': {
    'zh-CN': '暂不支持该国家或地区的手机号码。',
    en: 'Numbers from this country or region cannot sign in here yet.',
  },
  code: { 'zh-CN': '请输入短信中的 6 位验证码。', en: 'Enter the 6-digit code from the text message.' },
}

// The shared counters of every limit (site/lib/limits.ts), opened on first use.
const store = sharedThrottles
/**
 * The cost policy of texts, counted in the database like the sign-in guard; SMS_DAILY_BUDGET is read on each request,
 * so raising it needs no restart.
 */
function smsGuard() {
  return createSmsGuard({ store, now: () => new Date(), dailyBudget: smsDailyBudget() })
}

/** Only a path inside the account pages (or the blog) may be where a sign-in goes next. */
export function nextPath(ctx: Pick<ActionContext, 'fields' | 'href'>): string {
  const next = text(ctx.fields, 'next')
  return /^\/(?:[a-z]{2}(?:-[A-Z]{2})?\/)?(?:account|blog)(?:[/?#][^\s\\]*)?$/.test(next) && !next.startsWith('//')
    ? next
    : ctx.href('/account')
}

/**
 * Queues the text with a code for `phone`, or the refusal: 429 too often (number, address, number block), 503 the day's budget is spent.
 */
async function requestPhoneCode(phone: PhoneNumber, ctx: ActionContext): Promise<AccountErrorResponse | null> {
  const { locale } = ctx
  const stored = await (await membersStore()).codeOf(phone.e164, 'sign-in')
  // The rule the job applies (one a minute, five an hour), checked here so that nothing is counted for a text that would not go.
  const wouldIssue = issueCode(stored?.record ?? null, {
    subject: phone.e164,
    purpose: 'sign-in',
    secret: payloadSecret(),
    now: new Date(),
  })
  if (!wouldIssue.ok) return accountError('throttled', locale, { retryAfterMs: wouldIssue.retryAfterMs })
  const guard = smsGuard()
  const refusal = (decision: SmsDecision & { allowed: false }) =>
    accountError(decision.scope === 'budget' ? 'sms-unavailable' : 'throttled', locale, decision)
  // Checked before the one-a-minute counter, so that a text refused for cost does not also count as asked.
  const possible = await guard.check({ phone, address: ctx.address })
  if (!possible.allowed) return refusal(possible)
  const recent = await codeRequested(`sign-in:${phone.e164}`)
  if (!recent.allowed) return accountError('throttled', locale, recent)
  const decision = await guard.requestText({ phone, address: ctx.address })
  if (!decision.allowed) return refusal(decision)
  await queuePhoneCode({ phone: phone.e164, locale, requestId: randomUUID(), budgetReached: decision.budgetReached })
  return null
}

/**
 * Texts a sign-in code to a member's stored number (their proof of identity when they have no mailbox); null when queued, else the refusal.
 */
export async function textSignInCode(e164: string, ctx: ActionContext): Promise<AccountErrorResponse | null> {
  const parsed = parsePhone(e164, allowedCountryCodes(process.env.SMS_ALLOWED_COUNTRY_CODES))
  if (!parsed.ok) return accountError('sms-unavailable', ctx.locale)
  return requestPhoneCode(parsed.phone, ctx)
}

const fieldError = (key: keyof typeof PHONE_MESSAGES, locale: Locale) => PHONE_MESSAGES[key][locale]

export const signInWithPhone: Action = async (ctx) => {
  const { locale } = ctx
  const keep = { phone: text(ctx.fields, 'phone'), next: text(ctx.fields, 'next') }
  const parsed = parsePhone(text(ctx.fields, 'phone'), allowedCountryCodes(process.env.SMS_ALLOWED_COUNTRY_CODES))
  if (!parsed.ok) return invalid(locale, { phone: fieldError(parsed.reason, locale) }, keep)
  const { phone } = parsed
  // A number added to an account whose email nobody has confirmed would outlive the owner's first
  // confirmation (which ends the sessions and password set before it): a pre-hijacker's way back in.
  if (ctx.signed && !ctx.signed.member.emailVerifiedAt && hasMailbox(ctx.signed.member.email))
    return refuse('email-unconfirmed', locale, {}, keep)
  const code = text(ctx.fields, 'code')
  if (!code) {
    const refused = await requestPhoneCode(phone, ctx)
    if (refused) return { kind: 'refused', error: refused, keep }
    return { kind: 'next', notice: 'phone-code-sent', step: 'code', keep, json: { ok: true, sent: true } }
  }
  if (!normalizeCode(code)) return invalid(locale, { code: fieldError('code', locale) }, keep, 'code')
  const checked = await checkCode({ subject: phone.e164, purpose: 'sign-in', code, locale, address: ctx.address })
  if (!checked.ok) return { kind: 'refused', error: checked.error, keep, step: 'code' }

  if (ctx.signed) {
    // Adding a number to the account signed in here: refused when it is someone else's, never merged.
    const claimed = await (await identities()).claim(phoneKey(phone.e164), 'phone', ctx.signed.member.id, new Date())
    if (claimed === 'taken') return refuse('phone-taken', locale, {}, keep, 'code')
    if (ctx.signed.member.phone !== phone.e164) await (await membersStore()).updateMember(ctx.signed.member.id, { phone: phone.e164 })
    return { kind: 'done', location: `${ctx.href('/account')}?notice=phone-added`, json: { ok: true, phone: phone.e164 } }
  }
  const member = await memberForPhone(phone, ctx)
  if (!member || member.erasedAt) return refuse('code-rejected', locale, {}, keep, 'code')
  const cookie = await startSession(member, ctx.request, ctx.clientAddress)
  return { kind: 'done', location: nextPath(ctx), cookies: [cookie], json: { ok: true, phone: phone.e164 } }
}
