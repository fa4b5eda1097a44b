// Asking a signed-in member to prove it is them before a change that could lock them out (the email).
import { normalizeCode } from '../../../functions/members/one-time-code'
import { verifyPassword } from '../../../functions/members/password-hash'
import { checkCode } from './codes'
import { signInGuard } from './guard'
import { fieldMessage } from './messages'
import { type ActionContext, invalid, type Outcome, refuse } from './outcome'
import { text } from './request'
import type { SignedIn } from './session'

/**
 * Null when the member proved it is them: their password, or, for a member who has none (signed
 * in by code only), a sign-in code mailed to the current address (`currentCode`). Otherwise the
 * refusal to answer. A stolen session alone is not enough.
 */
export async function proveIdentity(ctx: ActionContext & { signed: SignedIn }): Promise<Outcome | null> {
  const { locale, signed } = ctx
  const { member } = signed
  if (member.passwordHash) {
    const password = typeof ctx.fields.password === 'string' ? ctx.fields.password : ''
    if (!password) return invalid(locale, { password: fieldMessage('currentPassword', locale) })
    const gate = await signInGuard.checkPassword({ ip: ctx.address, account: member.email })
    if (!gate.allowed) return refuse('password-throttled', locale, gate)
    if (!(await verifyPassword(password, member.passwordHash))) {
      await signInGuard.passwordFailed({ ip: ctx.address, account: member.email })
      return refuse('wrong-credentials', locale)
    }
    return null
  }
  const code = text(ctx.fields, 'currentCode')
  if (!normalizeCode(code)) return invalid(locale, { currentCode: fieldMessage('code', locale) })
  const checked = await checkCode({ subject: member.email, purpose: 'sign-in', code, locale, address: ctx.address })
  return checked.ok ? null : { kind: 'refused', error: checked.error }
}
