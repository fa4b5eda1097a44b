// The data page's actions (download, erase) and the one-click unsubscribe link.
import { payloadSecret } from '../../../cms/environment'
import { NEWSLETTER, planConsentChanges, verifyUnsubscribeToken } from '../../../functions/members/consent-log'
import { normalizeCode } from '../../../functions/members/one-time-code'
import { verifyPassword } from '../../../functions/members/password-hash'
import { membersStore } from '../stores'
import { eraseMember, exportMemberData } from './data-rights'
import { signInGuard } from './guard'
import { fieldMessage } from './messages'
import { type Action, invalid, needsMember, refuse } from './outcome'
import { checkProofCode, proofSentNotice, sendProofCode } from './reauth'
import { text } from './request'
import { signOutCookie } from './session'

export const downloadData = needsMember(async ({ signed }) => {
  const { body, filename } = await exportMemberData(signed.member)
  return { kind: 'download', body, filename }
})

/** Erasing needs the password or a fresh sign-in code (texted to a member without a mailbox): a browser left signed in is not enough. */
export const deleteAccount = needsMember(async (ctx) => {
  const { locale, signed } = ctx
  const { member } = signed
  if (text(ctx.fields, 'sendCode')) {
    const refused = await sendProofCode(ctx)
    if (refused) return { kind: 'refused', error: refused }
    return { kind: 'next', notice: proofSentNotice(member), step: 'code', keep: {}, json: { ok: true, sent: true } }
  }
  const password = typeof ctx.fields.password === 'string' ? ctx.fields.password : ''
  const code = text(ctx.fields, 'code')
  if (password) {
    const gate = await signInGuard.checkPassword({ ip: ctx.address, account: member.email })
    if (!gate.allowed) return refuse('password-throttled', locale, gate)
    if (!(await verifyPassword(password, member.passwordHash))) {
      await signInGuard.passwordFailed({ ip: ctx.address, account: member.email })
      return refuse('wrong-credentials', locale)
    }
  } else if (code) {
    if (!normalizeCode(code)) return invalid(locale, { code: fieldMessage('code', locale) }, {}, 'code')
    const checked = await checkProofCode(ctx, code)
    if (!checked.ok) return { kind: 'refused', error: checked.error, step: 'code' }
  } else {
    return invalid(locale, { confirm: fieldMessage('confirm', locale) })
  }
  await eraseMember(member)
  return { kind: 'done', location: ctx.href('/'), cookies: [signOutCookie()], json: { ok: true, erased: true } }
})

/** One-click unsubscribe (RFC 8058 POST, or the confirm button of the GET page); works signed out. */
export const unsubscribe: Action = async (ctx) => {
  const { locale } = ctx
  const url = new URL(ctx.request.url)
  const grant = verifyUnsubscribeToken(text(ctx.fields, 'token') || url.searchParams.get('token'), payloadSecret())
  if (!grant) return refuse('link-invalid', locale)
  const store = await membersStore()
  const member = await store.memberById(/^[0-9]+$/.test(grant.memberId) ? Number(grant.memberId) : grant.memberId)
  if (!member || member.erasedAt) return refuse('link-invalid', locale)
  const topics = (await store.topics(locale)).map((t) => t.slug)
  const plan = planConsentChanges(
    await store.consentsOf(member.id),
    { [grant.topic]: false },
    { source: 'email-link', topics: grant.topic === NEWSLETTER ? [] : topics, now: new Date() },
  )
  if (!plan.ok) return refuse('link-invalid', locale)
  await store.appendConsents(member.id, plan.entries)
  return { kind: 'next', notice: 'unsubscribed', step: 'done', keep: {}, json: { ok: true, topic: grant.topic } }
}
