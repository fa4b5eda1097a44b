// What a signed-in member changes on their account: profile, password, email, subscriptions,
// rewards and sessions. Every query is scoped to the signed-in member; no id from the request
// ever names another member's record.
import { randomUUID } from 'node:crypto'

import { isEmail, normalizeEmail } from '../../../functions/lead-intake/normalize'
import { NEWSLETTER, planConsentChanges } from '../../../functions/members/consent-log'
import { normalizeCode } from '../../../functions/members/one-time-code'
import { hashPassword, verifyPassword } from '../../../functions/members/password-hash'
import { checkPassword } from '../../../functions/members/password-policy'
import { DEFAULT_EARNINGS } from '../../../functions/members/points'
import { validateProfile } from '../../../functions/members/profile'
import { DuplicateError } from '../../../functions/members/store'
import { frame } from '../content'
import { membersStore, queueJob } from '../stores'
import { checkCode, requestCode } from './codes'
import { signInGuard } from './guard'
import { credit } from './identity'
import { fieldMessage } from './messages'
import { invalid, needsMember, refuse } from './outcome'
import { proofSentNotice, proveIdentity, sendProofCode } from './reauth'
import { type Fields, list, text } from './request'

const formValues = (fields: Fields) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')) as Record<string, string>

export const saveProfile = needsMember(async (ctx) => {
  const { locale, signed } = ctx
  const store = await membersStore()
  const topics = await store.topics(locale)
  const input: Record<string, unknown> = {}
  for (const field of ['name', 'company', 'jobTitle', 'phone', 'preferredLanguage'] as const)
    if (ctx.fields[field] !== undefined) input[field] = text(ctx.fields, field)
  // The profile form always sends its interest boxes' marker, so unticking every box clears them.
  if (ctx.fields.interests !== undefined || ctx.fields._interests !== undefined) input.interests = list(ctx.fields, 'interests')
  const result = validateProfile(input, { interests: topics.map((t) => t.slug), locale })
  if (!result.ok)
    return result.malformed ? refuse('malformed', locale) : invalid(locale, result.errors as Record<string, string>, formValues(ctx.fields))
  const { interests, ...values } = result.values
  const data: Record<string, unknown> = { ...values }
  if (interests) data.interests = topics.filter((t) => interests.includes(t.slug)).map((t) => t.id)
  const member = await store.updateMember(signed.member.id, data)
  // A verified member with a complete profile earns once (the ledger's (reason, ref) makes it once).
  if (member.emailVerifiedAt && member.name && member.company && member.jobTitle)
    await credit(member.id, {
      kind: 'earn',
      reason: 'verified-profile',
      points: DEFAULT_EARNINGS['verified-profile'],
      ref: `member:${member.id}`,
    })
  return { kind: 'done', location: `${ctx.href('/account/profile')}?notice=saved`, json: { ok: true } }
})

export const changePassword = needsMember(async (ctx) => {
  const { locale, signed } = ctx
  const current = typeof ctx.fields.currentPassword === 'string' ? ctx.fields.currentPassword : ''
  const password = typeof ctx.fields.password === 'string' ? ctx.fields.password : ''
  const errors: Record<string, string> = {}
  if (!current) errors.currentPassword = fieldMessage('currentPassword', locale)
  const { settings } = await frame(locale, ctx.stamp)
  const check = checkPassword(password, { email: signed.member.email, brandNames: [settings.brandName], locale })
  if (!check.ok) errors.password = check.errors[0]!.message
  if (Object.keys(errors).length) return invalid(locale, errors)
  const gate = await signInGuard.checkPassword({ ip: ctx.address, account: signed.member.email })
  if (!gate.allowed) return refuse('password-throttled', locale, gate)
  if (!(await verifyPassword(current, signed.member.passwordHash))) {
    await signInGuard.passwordFailed({ ip: ctx.address, account: signed.member.email })
    return refuse('wrong-credentials', locale)
  }
  const store = await membersStore()
  await store.updateMember(signed.member.id, { passwordHash: await hashPassword(password) })
  await store.revokeSessions(signed.member.id, { except: signed.session.id }, new Date())
  return { kind: 'done', location: `${ctx.href('/account/profile')}?notice=password-changed`, json: { ok: true } }
})

/**
 * Changing the email: the password (or, for a member without one, a sign-in code to the current
 * address) first, then a code mailed to the new address; only that code makes the change. The
 * answer is the same whether or not the new address has an account, and the old address is told.
 */
export const changeEmail = needsMember(async (ctx) => {
  const { locale, signed } = ctx
  const store = await membersStore()
  const code = text(ctx.fields, 'code')
  if (code) {
    if (!normalizeCode(code)) return invalid(locale, { code: fieldMessage('code', locale) }, {}, 'code')
    const checked = await checkCode({ subject: signed.member.email, purpose: 'change-email', code, locale, address: ctx.address })
    if (!checked.ok) return { kind: 'refused', error: checked.error, step: 'code' }
    const newEmail = checked.stored.newEmail
    if (!newEmail) return refuse('code-rejected', locale, {}, {}, 'code')
    try {
      await store.updateMember(signed.member.id, { email: newEmail, emailVerifiedAt: new Date().toISOString() })
    } catch (error) {
      // Taken between the request and the code (the code went to an address with no account then).
      if (error instanceof DuplicateError) return refuse('code-rejected', locale, {}, {}, 'code')
      throw error
    }
    // Codes are kept by email: the old address's rows would outlive an erasure that looks for the new one.
    await store.deleteCodes(signed.member.email)
    await queueJob('sendMemberCode', {
      subject: signed.member.email,
      purpose: 'change-email',
      locale,
      requestId: randomUUID(),
      newEmail,
      notice: 'email-changed',
    })
    return { kind: 'done', location: `${ctx.href('/account/profile')}?notice=email-changed`, json: { ok: true } }
  }
  const raw = text(ctx.fields, 'email')
  const email = raw.length <= 254 ? normalizeEmail(raw) : ''
  if (text(ctx.fields, 'sendCode') && !signed.member.passwordHash) {
    const refused = await sendProofCode(ctx)
    if (refused) return { kind: 'refused', error: refused, keep: { email: raw } }
    return { kind: 'next', notice: proofSentNotice(signed.member), step: 'start', keep: { email: raw }, json: { ok: true, sent: true } }
  }
  if (!isEmail(email)) return invalid(locale, { email: fieldMessage('email', locale) }, { email: raw })
  if (email === signed.member.email) return invalid(locale, { email: fieldMessage('sameEmail', locale) }, { email: raw })
  const unproven = await proveIdentity(ctx)
  if (unproven) return unproven
  const refused = await requestCode({
    subject: signed.member.email,
    purpose: 'change-email',
    locale,
    address: ctx.address,
    newEmail: email,
  })
  if (refused) return { kind: 'refused', error: refused, keep: { email: raw } }
  return { kind: 'next', notice: 'verify-sent', step: 'code', keep: { email: raw }, json: { ok: true, sent: true } }
})

export const saveSubscriptions = needsMember(async (ctx) => {
  const { locale, signed } = ctx
  const store = await membersStore()
  const topics = (await store.topics(locale)).map((t) => t.slug)
  const chosen = list(ctx.fields, 'topics')
  if (chosen.some((slug) => !topics.includes(slug))) return invalid(locale, { topics: fieldMessage('topics', locale) })
  const wanted: Record<string, boolean> = { [NEWSLETTER]: ['on', 'true', '1', 'yes'].includes(text(ctx.fields, 'newsletter')) }
  for (const slug of topics) wanted[slug] = chosen.includes(slug)
  const plan = planConsentChanges(await store.consentsOf(signed.member.id), wanted, { source: 'account-page', topics, now: new Date() })
  if (!plan.ok) return invalid(locale, { topics: fieldMessage('topics', locale) })
  await store.appendConsents(signed.member.id, plan.entries)
  return { kind: 'done', location: `${ctx.href('/account/subscriptions')}?notice=saved`, json: { ok: true, changes: plan.entries.length } }
})

export const redeemReward = needsMember(async (ctx) => {
  const { locale, signed } = ctx
  const store = await membersStore()
  const reward = (await store.rewards(locale)).find((r) => String(r.id) === text(ctx.fields, 'reward'))
  if (!reward) return invalid(locale, { reward: fieldMessage('reward', locale) })
  const result = await credit(
    signed.member.id,
    { kind: 'spend', reason: 'reward', points: reward.cost, ref: `reward:${reward.id}:${randomUUID()}` },
    reward.name,
  )
  if (result !== 'credited') return refuse('not-enough-points', locale)
  return { kind: 'done', location: `${ctx.href('/account/membership')}?notice=redeemed`, json: { ok: true } }
})

export const revokeSessions = needsMember(async (ctx) => {
  const { locale, signed } = ctx
  const store = await membersStore()
  const now = new Date()
  if (text(ctx.fields, 'others')) {
    const count = await store.revokeSessions(signed.member.id, { except: signed.session.id }, now)
    return { kind: 'done', location: `${ctx.href('/account/sessions')}?notice=revoked`, json: { ok: true, revoked: count } }
  }
  const id = text(ctx.fields, 'session')
  // Only the member's own live sessions match; another member's id is "not found", like one that never existed.
  const count = /^[0-9a-f]{1,24}$/i.test(id)
    ? await store.revokeSessions(signed.member.id, { only: /^[0-9]+$/.test(id) ? Number(id) : id }, now)
    : 0
  if (count === 0) return invalid(locale, { session: fieldMessage('session', locale) })
  const self = String(signed.session.id) === id
  return {
    kind: 'done',
    location: self ? ctx.href('/account/sign-in') : `${ctx.href('/account/sessions')}?notice=revoked`,
    json: { ok: true, revoked: count },
  }
})
