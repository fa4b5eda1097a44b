import type { TaskConfig } from 'payload'

import { type Locale, LOCALE_CODES } from '../../functions/content/locales'
import { type CodeRecord, issueCode } from '../../functions/members/one-time-code'
import { createSmsGuard, smsDailyBudget } from '../../functions/phone/sms-guard'
import { renderCodeText } from '../../functions/phone/sms-text'
import { payloadSecret } from '../environment'
import { membersStore } from '../members/store'
import { throttleStoreFor } from '../members/throttle-store'
import { smsSenderFor } from '../sms'
import { deliveryRetries } from './deliveries'
import { sendEmail } from './sendEmail'

export interface PhoneCodeInput {
  /** The number in E.164; also the code's subject (an email can never look like it). */
  phone: string
  locale: string
  /** Unique per request: a retry of this job recognises the code it issued itself. */
  requestId: string
  /** This text used the last of today's budget: the admins are told, once a day. */
  budgetReached?: boolean
}

/**
 * The job that issues a sign-in code for a phone number and texts it. Like sendMemberCode, the input
 * holds no code: the job issues one, storing only its hash, so a retry texts a fresh code. A number
 * with no account gets its code too: signing in with a new number opens an account.
 */
export const sendPhoneCode: TaskConfig<{ input: PhoneCodeInput; output: { providerId?: string; skipped?: string } }> = {
  slug: 'sendPhoneCode',
  inputSchema: [
    { name: 'phone', type: 'text', required: true },
    { name: 'locale', type: 'text', required: true },
    { name: 'requestId', type: 'text', required: true },
    { name: 'budgetReached', type: 'checkbox' },
  ],
  outputSchema: [
    { name: 'providerId', type: 'text' },
    { name: 'skipped', type: 'text' },
  ],
  retries: deliveryRetries,
  handler: async ({ input, req, job }) => {
    const { payload } = req
    // First try only: a retry after a failed text must not mail the admins again.
    if (input.budgetReached && (job.totalTried ?? 0) === 0) await tellAdminsBudgetReached(req, new Date())
    // A retry is another text the provider may bill: it spends today's budget like the first did.
    if ((job.totalTried ?? 0) > 0) {
      const guard = createSmsGuard({ store: throttleStoreFor(payload), now: () => new Date(), dailyBudget: smsDailyBudget() })
      const decision = await guard.retryText()
      if (!decision.allowed) return { output: { skipped: 'budget' } }
    }
    const store = membersStore(payload)
    const stored = await store.codeOf(input.phone, 'sign-in')
    let previous: CodeRecord | null = stored?.record ?? null
    // A retry of this very request: the code it issued never arrived, so it does not count toward the limits.
    if (previous && stored?.requestId === input.requestId)
      previous = { ...previous, issuedAt: new Date(0).toISOString(), issuedInWindow: Math.max(0, previous.issuedInWindow - 1) }
    const issued = issueCode(previous, { subject: input.phone, purpose: 'sign-in', secret: payloadSecret(), now: new Date() })
    if (!issued.ok) return { output: { skipped: issued.reason } }
    await store.saveIssuedCode(input.phone, 'sign-in', issued.record, { requestId: input.requestId })

    const locale: Locale = LOCALE_CODES.find((code) => code === input.locale) ?? LOCALE_CODES[0]!
    const settings = await payload.findGlobal({ slug: 'site-settings', locale, depth: 0 })
    const message = renderCodeText({ code: issued.code, brand: settings.brandName ?? '', locale })
    const sent = await smsSenderFor(payload).send({ to: input.phone, params: message.params, text: message.text })
    return { output: { providerId: `${sent.id}#${job.totalTried ?? 0}` } }
  },
}

/** One email to every admin: texts stop until midnight China time unless SMS_DAILY_BUDGET is raised. */
async function tellAdminsBudgetReached(req: Parameters<typeof sendEmail>[0], now: Date): Promise<void> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { role: { equals: 'admin' } },
    depth: 0,
    limit: 50,
    overrideAccess: true,
  })
  const day = new Date(now.getTime() + 8 * 60 * 60_000).toISOString().slice(0, 10)
  const text =
    `Today's SMS budget (SMS_DAILY_BUDGET) is used up: no more sign-in codes are texted until midnight China time (${day}). ` +
    `If this is real traffic, raise the budget; if not, look for SMS pumping (many numbers from one range or address).\n\n` +
    `今日短信预算（SMS_DAILY_BUDGET）已用完：北京时间午夜前不再发送短信验证码。` +
    `如为正常流量请提高预算；否则请检查是否存在短信轰炸。`
  for (const user of docs) {
    // Keyed by day and address: a retry of this job mails nobody twice.
    await sendEmail(req, {
      to: user.email,
      subject: 'SMS budget reached / 短信预算已用完',
      text,
      html: `<p>${text.replace(/\n\n/g, '</p><p>')}</p>`,
      idempotencyKey: `sms-budget-${day}-${user.id}`,
    })
  }
}
