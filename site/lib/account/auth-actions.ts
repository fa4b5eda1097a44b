// Sign-up, sign-in (password or code), email verification, forgotten password, sign-out.
import { isVisitorId, readCookie, VISITOR_COOKIE } from '../../../functions/attribution/visitor'
import { isEmail, normalizeEmail } from '../../../functions/lead-intake/normalize'
import { NEWSLETTER } from '../../../functions/members/consent-log'
import { normalizeCode } from '../../../functions/members/one-time-code'
import { hashPassword, needsRehash, verifyPassword } from '../../../functions/members/password-hash'
import { checkPassword, PASSWORD_MAX_LENGTH } from '../../../functions/members/password-policy'
import { generateReferralCode } from '../../../functions/members/referral-code'
import { DuplicateError, type StoredMember } from '../../../functions/members/store'
import { touchesForConversion } from '../arrivals'
import { frame } from '../content'
import { membersStore } from '../stores'
import { checkCode, requestCode } from './codes'
import { countSignUp, signInGuard } from './guard'
import { becomeMember } from './identity'
import { fieldMessage } from './messages'
import { type Action, type ActionContext, invalid, needsMember, type Outcome, refuse } from './outcome'
import { text } from './request'
import { signOutCookie, startSession } from './session'

/** The email as typed, normalised, or null when it cannot be one. */
function emailOf(ctx: ActionContext): string | null {
  const raw = text(ctx.fields, 'email')
  if (raw.length > 254) return null
  const email = normalizeEmail(raw)
  return isEmail(email) ? email : null
}

/** Only a path inside the account pages may be where a sign-in goes next (never another site). */
function nextPath(ctx: ActionContext): string {
  const next = text(ctx.fields, 'next')
  return /^\/(?:[a-z]{2}(?:-[A-Z]{2})?\/)?(?:account|blog)(?:[/?#][^\s\\]*)?$/.test(next) && !next.startsWith('//')
    ? next
    : ctx.href('/account')
}

async function brandNames(locale: string, stamp: string | null): Promise<string[]> {
  const { settings } = await frame(locale, stamp)
  return [settings.brandName].filter(Boolean)
}

async function passwordErrors(ctx: ActionContext, password: string, email: string | null): Promise<string | null> {
  const check = checkPassword(password, { email, brandNames: await brandNames(ctx.locale, ctx.stamp), locale: ctx.locale })
  return check.ok ? null : check.errors[0]!.message
}

async function signInAs(member: StoredMember, ctx: ActionContext, location = nextPath(ctx)): Promise<Outcome> {
  const cookie = await startSession(member, ctx.request, ctx.clientAddress)
  return { kind: 'done', location, cookies: [cookie], json: { ok: true, verified: Boolean(member.emailVerifiedAt) } }
}

export const signUp: Action = async (ctx) => {
  const { locale } = ctx
  const email = emailOf(ctx)
  const password = typeof ctx.fields.password === 'string' ? ctx.fields.password : ''
  const name = text(ctx.fields, 'name').slice(0, 100) || null
  const keep = { email: text(ctx.fields, 'email'), name: name ?? '' }
  const errors: Record<string, string> = {}
  if (!email) errors.email = fieldMessage('email', locale)
  const weak = await passwordErrors(ctx, password, email)
  if (weak) errors.password = weak
  if (Object.keys(errors).length) return invalid(locale, errors, keep)

  const gate = await countSignUp(ctx.address)
  if (!gate.allowed) return refuse('throttled', locale, gate, keep)
  const store = await membersStore()
  if (await store.memberByEmail(email!)) return refuse('email-taken', locale, {}, keep)

  const cookie = ctx.request.headers.get('cookie')
  const touches = await touchesForConversion(cookie)
  const visitor = readCookie(cookie, VISITOR_COOKIE)
  const referralCode = touches.visitor ? await store.referralCodeOfVisitor(touches.visitor) : null
  const referrer = referralCode ? await store.memberByReferralCode(referralCode) : null
  const passwordHash = await hashPassword(password)
  let member: StoredMember | null = null
  for (let attempt = 0; attempt < 3 && !member; attempt++) {
    try {
      member = await store.createMember({
        email: email!,
        passwordHash,
        name,
        preferredLanguage: locale,
        referralCode: generateReferralCode(),
        visitor: isVisitorId(visitor) ? visitor : null,
        firstTouch: touches.first,
        lastTouch: touches.last,
        referredBy: referrer?.id ?? null,
      })
    } catch (error) {
      if (!(error instanceof DuplicateError)) throw error
      // The email was taken by a request a moment ago; otherwise a referral code collided: draw another.
      if (await store.memberByEmail(email!)) return refuse('email-taken', locale, {}, keep)
    }
  }
  if (!member) throw new Error('No free referral code after three draws.')
  if (['on', 'true', '1', 'yes'].includes(text(ctx.fields, 'newsletter')))
    await store.appendConsents(member.id, [{ topic: NEWSLETTER, subscribed: true, at: new Date().toISOString(), source: 'sign-up' }])
  await requestCode({ subject: member.email, purpose: 'verify-email', locale, address: ctx.address })
  const session = await startSession(member, ctx.request, ctx.clientAddress)
  return { kind: 'done', location: ctx.href('/account/verify'), status: 201, cookies: [session], json: { ok: true, verified: false } }
}

export const verifyEmail: Action = needsMember(async (ctx) => {
  const { locale, signed } = ctx
  if (signed.member.emailVerifiedAt) return { kind: 'done', location: ctx.href('/account'), json: { ok: true, verified: true } }
  if (text(ctx.fields, 'resend')) {
    const refused = await requestCode({ subject: signed.member.email, purpose: 'verify-email', locale, address: ctx.address })
    if (refused) return { kind: 'refused', error: refused }
    return { kind: 'next', notice: 'verify-sent', step: 'code', keep: {}, json: { ok: true, sent: true } }
  }
  if (!normalizeCode(text(ctx.fields, 'code'))) return invalid(locale, { code: fieldMessage('code', locale) })
  const checked = await checkCode({
    subject: signed.member.email,
    purpose: 'verify-email',
    code: text(ctx.fields, 'code'),
    locale,
    address: ctx.address,
  })
  if (!checked.ok) return { kind: 'refused', error: checked.error }
  // The code was typed in a session opened with the password chosen at sign-up: both are the inbox owner's.
  await becomeMember(signed.member, { session: signed.session.id, password: true })
  return { kind: 'done', location: `${ctx.href('/account')}?notice=verified`, json: { ok: true, verified: true } }
})

export const signInWithPassword: Action = async (ctx) => {
  const { locale } = ctx
  const email = emailOf(ctx)
  const password = typeof ctx.fields.password === 'string' ? ctx.fields.password : ''
  const keep = { email: text(ctx.fields, 'email'), next: text(ctx.fields, 'next') }
  const errors: Record<string, string> = {}
  if (!email) errors.email = fieldMessage('email', locale)
  if (!password || password.length > PASSWORD_MAX_LENGTH * 2) errors.password = fieldMessage('currentPassword', locale)
  if (Object.keys(errors).length) return invalid(locale, errors, keep)

  const gate = await signInGuard.checkPassword({ ip: ctx.address, account: email! })
  if (!gate.allowed) return refuse('password-throttled', locale, gate, keep)
  const store = await membersStore()
  const member = await store.memberByEmail(email!)
  // Compared even without an account, so an unknown email takes as long as a wrong password.
  const right = await verifyPassword(password, member?.passwordHash ?? null)
  if (!member || !right || member.erasedAt) {
    await signInGuard.passwordFailed({ ip: ctx.address, account: email! })
    return refuse('wrong-credentials', locale, {}, keep)
  }
  await signInGuard.passwordSucceeded({ account: email! })
  if (needsRehash(member.passwordHash)) await store.updateMember(member.id, { passwordHash: await hashPassword(password) })
  return signInAs(member, ctx)
}

export const signInWithCode: Action = async (ctx) => {
  const { locale } = ctx
  const email = emailOf(ctx)
  const keep = { email: text(ctx.fields, 'email'), next: text(ctx.fields, 'next') }
  if (!email) return invalid(locale, { email: fieldMessage('email', locale) }, keep)
  const code = text(ctx.fields, 'code')
  if (!code) {
    const refused = await requestCode({ subject: email, purpose: 'sign-in', locale, address: ctx.address })
    if (refused) return { kind: 'refused', error: refused, keep }
    return { kind: 'next', notice: 'code-sent', step: 'code', keep, json: { ok: true, sent: true } }
  }
  if (!normalizeCode(code)) return invalid(locale, { code: fieldMessage('code', locale) }, keep, 'code')
  const checked = await checkCode({ subject: email, purpose: 'sign-in', code, locale, address: ctx.address })
  if (!checked.ok) return { kind: 'refused', error: checked.error, keep, step: 'code' }
  const store = await membersStore()
  let member = await store.memberByEmail(email)
  if (!member || member.erasedAt) return refuse('code-rejected', locale, {}, keep, 'code')
  // The code reached the inbox: that proves the email as well as a verification code would. Whoever
  // signed up before (and their sessions and password) is not trusted: becomeMember ends them.
  if (!member.emailVerifiedAt) member = await becomeMember(member)
  return signInAs(member, ctx)
}

export const forgotPassword: Action = async (ctx) => {
  const { locale } = ctx
  const email = emailOf(ctx)
  const keep = { email: text(ctx.fields, 'email') }
  if (!email) return invalid(locale, { email: fieldMessage('email', locale) }, keep)
  const refused = await requestCode({ subject: email, purpose: 'reset-password', locale, address: ctx.address })
  if (refused) return { kind: 'refused', error: refused, keep }
  return { kind: 'next', notice: 'code-sent', step: 'reset', keep, json: { ok: true, sent: true } }
}

export const resetPassword: Action = async (ctx) => {
  const { locale } = ctx
  const email = emailOf(ctx)
  const code = text(ctx.fields, 'code')
  const password = typeof ctx.fields.password === 'string' ? ctx.fields.password : ''
  const keep = { email: text(ctx.fields, 'email') }
  const errors: Record<string, string> = {}
  if (!email) errors.email = fieldMessage('email', locale)
  if (!normalizeCode(code)) errors.code = fieldMessage('code', locale)
  const weak = await passwordErrors(ctx, password, email)
  if (weak) errors.password = weak
  // Checked before the code, so a weak new password does not spend a guess.
  if (Object.keys(errors).length) return invalid(locale, errors, keep, 'reset')
  const checked = await checkCode({ subject: email!, purpose: 'reset-password', code, locale, address: ctx.address })
  if (!checked.ok) return { kind: 'refused', error: checked.error, keep, step: 'reset' }
  const store = await membersStore()
  let member = await store.memberByEmail(email!)
  if (!member || member.erasedAt) return refuse('code-rejected', locale, {}, keep, 'reset')
  member = await store.updateMember(member.id, { passwordHash: await hashPassword(password) })
  // Whoever knew the old password is signed out everywhere.
  await store.revokeSessions(member.id, { except: null }, new Date())
  // The new password was set with the code, by the inbox's owner: it stays.
  if (!member.emailVerifiedAt) member = await becomeMember(member, { password: true })
  return signInAs(member, ctx, ctx.href('/account'))
}

export const signOut: Action = async (ctx) => {
  if (ctx.signed) await (await membersStore()).revokeSessions(ctx.signed.member.id, { only: ctx.signed.session.id }, new Date())
  return { kind: 'done', location: ctx.href('/'), cookies: [signOutCookie()], json: { ok: true } }
}
