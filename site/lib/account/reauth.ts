// Asking a signed-in member to prove it is them before a change that could lock them out (the
// email) or erase them: their password, or a sign-in code sent where they can receive it.
import type { AccountErrorResponse } from '../../../functions/members/account-errors'
import { normalizeCode } from '../../../functions/members/one-time-code'
import { verifyPassword } from '../../../functions/members/password-hash'
import type { StoredMember } from '../../../functions/members/store'
import { hasMailbox } from '../../../functions/phone/mailbox'
import { checkCode, requestCode } from './codes'
import { signInGuard } from './guard'
import { fieldMessage } from './messages'
import { type ActionContext, invalid, type Outcome, refuse } from './outcome'
import { textSignInCode } from './phone-actions'
import { text } from './request'
import type { SignedIn } from './session'

/**
 * Where a member's proof code goes and is kept: their mailbox, or, for a member who signed up with
 * a phone and has no mailbox yet, their number (a code mailed to the placeholder address would never arrive).
 */
function proofSubject(member: StoredMember): { kind: 'email'; subject: string } | { kind: 'phone'; subject: string } {
  return !hasMailbox(member.email) && member.phone ? { kind: 'phone', subject: member.phone } : { kind: 'email', subject: member.email }
}

/**
 * Sends a member a sign-in code to prove it is them (mailed, or texted for a member without a mailbox); null when sent, else the refusal.
 */
export async function sendProofCode(ctx: ActionContext & { signed: SignedIn }): Promise<AccountErrorResponse | null> {
  const proof = proofSubject(ctx.signed.member)
  if (proof.kind === 'phone') return textSignInCode(proof.subject, ctx)
  return requestCode({ subject: proof.subject, purpose: 'sign-in', locale: ctx.locale, address: ctx.address })
}

/** The notice after sendProofCode: mailed or texted. */
export const proofSentNotice = (member: StoredMember) => (proofSubject(member).kind === 'phone' ? 'phone-code-sent' : 'verify-sent')

/** Whether `code` is the member's current proof code (each wrong guess counts against the code and the address). */
export async function checkProofCode(
  ctx: ActionContext & { signed: SignedIn },
  code: string,
): Promise<{ ok: true } | { ok: false; error: AccountErrorResponse }> {
  const { subject } = proofSubject(ctx.signed.member)
  return checkCode({ subject, purpose: 'sign-in', code, locale: ctx.locale, address: ctx.address })
}

/**
 * Null when the member proved it is them: their password, or, for a member who has none (signed
 * in by code only), a sign-in code sent by sendProofCode (`currentCode`). Otherwise the
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
  const checked = await checkProofCode(ctx, code)
  return checked.ok ? null : { kind: 'refused', error: checked.error }
}
