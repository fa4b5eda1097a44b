// What signing in with WeChat does: the openid (per app) and the unionid (across the brand's apps)
// are a member's identities (member-identities); a new WeChat user opens an account without an
// email, with a lead of their own. A signed-in member joins their WeChat to the account; a WeChat
// account that is someone else's is refused, never merged.
import { isVisitorId, readCookie, VISITOR_COOKIE } from '../../../functions/attribution/visitor'
import { memberAsPerson } from '../../../functions/members/member-lead'
import { DEFAULT_EARNINGS } from '../../../functions/members/points'
import type { Id } from '../../../functions/members/records'
import { generateReferralCode } from '../../../functions/members/referral-code'
import { DuplicateError, type StoredMember } from '../../../functions/members/store'
import { openidKey, type SnsUserInfo, unionidKey } from '../../../functions/wechat'
import { linkVisitorToLead, touchesForConversion } from '../arrivals'
import { identities, membersStore } from '../stores'
import { credit } from './identity'
import type { ActionContext } from './outcome'

/** Who signed in through WeChat: the app, the openid, the unionid when WeChat gave one, and the profile when the visitor shared it. */
export interface WechatIdentity {
  appId: string
  openid: string
  unionid: string | null
  profile: Pick<SnsUserInfo, 'nickname' | 'headimgurl'> | null
}

const keysOf = (who: WechatIdentity) => [
  { key: openidKey(who.appId, who.openid), kind: 'wechat' as const },
  ...(who.unionid ? [{ key: unionidKey(who.unionid), kind: 'unionid' as const }] : []),
]

/** The shared name and avatar as a member patch: the name only when the member has none (theirs wins), the avatar over https only. */
function profilePatch(member: Pick<StoredMember, 'name'>, profile: WechatIdentity['profile']): Record<string, unknown> {
  if (!profile) return {}
  const patch: Record<string, unknown> = {}
  const name = String(profile.nickname ?? '')
    .trim()
    .slice(0, 100)
  if (name && !member.name) patch.name = name
  const avatar = String(profile.headimgurl ?? '').replace(/^http:\/\//, 'https://')
  if (/^https:\/\/[^\s"'<>]{1,500}$/.test(avatar)) patch.avatarUrl = avatar
  return patch
}

/** The member who owns this WeChat account (by openid, else by unionid), or null. */
export async function ownerOf(who: WechatIdentity): Promise<Id | null> {
  const ids = await identities()
  for (const { key } of keysOf(who)) {
    const owner = await ids.ownerOf(key)
    if (owner !== null) return owner
  }
  return null
}

/**
 * Joins a WeChat account to the signed-in `member`: 'taken' when its openid or unionid is another
 * member's (nothing is written then), 'joined' otherwise (also when it was theirs already).
 */
export async function joinWechat(member: StoredMember, who: WechatIdentity): Promise<'joined' | 'taken'> {
  const ids = await identities()
  const claimed: string[] = []
  for (const { key, kind } of keysOf(who)) {
    if ((await ids.claim(key, kind, member.id, new Date())) === 'taken') {
      // A race lost on the second key: the first is given back, so the join is all or nothing.
      for (const done of claimed) await ids.release(done, member.id)
      return 'taken'
    }
    claimed.push(key)
  }
  const patch = profilePatch(member, who.profile)
  if (Object.keys(patch).length) await (await membersStore()).updateMember(member.id, patch)
  return 'joined'
}

/**
 * The member who signs in with this WeChat account, opened when it is new. Known by the unionid
 * only (first time in this app, seen before in the brand's other app): the openid joins them.
 * Two requests racing for a new account: the unique identity key lets one win, the other's fresh
 * member is dropped and it signs in as the winner (the same person: WeChat proved both).
 */
export async function memberForWechat(who: WechatIdentity, ctx: ActionContext): Promise<StoredMember | null> {
  const store = await membersStore()
  const ids = await identities()
  const owner = await ownerOf(who)
  if (owner !== null) {
    const member = await store.memberById(owner)
    if (member && !member.erasedAt) await joinWechat(member, who)
    return member
  }
  const cookie = ctx.request.headers.get('cookie')
  const touches = await touchesForConversion(cookie)
  const visitor = readCookie(cookie, VISITOR_COOKIE)
  const referralCode = touches.visitor ? await store.referralCodeOfVisitor(touches.visitor) : null
  const referrer = referralCode ? await store.memberByReferralCode(referralCode) : null
  let member: StoredMember | null = null
  for (let attempt = 0; attempt < 3 && !member; attempt++) {
    try {
      member = await ids.createMemberWithoutEmail({
        phone: null,
        name: null,
        preferredLanguage: ctx.locale,
        referralCode: generateReferralCode(),
        visitor: isVisitorId(visitor) ? visitor : null,
        firstTouch: touches.first,
        lastTouch: touches.last,
        referredBy: referrer?.id ?? null,
      })
    } catch (error) {
      // A referral code collided: draw another.
      if (!(error instanceof DuplicateError)) throw error
    }
  }
  if (!member) throw new Error('No free referral code after three draws.')
  if ((await joinWechat(member, who)) === 'taken') {
    await ids.dropFreshMember(member.id)
    const winner = await ownerOf(who)
    return winner === null ? null : store.memberById(winner)
  }
  return becomeWechatMember((await store.memberById(member.id)) ?? member)
}

/** A new WeChat member's own lead (no email or phone to find another by), the browser's touches on it, and the sign-up points. */
async function becomeWechatMember(member: StoredMember): Promise<StoredMember> {
  const store = await membersStore()
  const now = new Date()
  // No email or phone: the one lead store makes a lead of its own, linked to the member at once.
  const { id: lead } = await store.findOrCreateLead(memberAsPerson(member, { email: null, phone: null }, now))
  const updated = await store.updateMember(member.id, { lead })
  if (updated.visitor) {
    await linkVisitorToLead(updated.visitor, lead).catch((error: unknown) =>
      console.error('Touches not linked to the member’s lead:', error instanceof Error ? error.message : error),
    )
  }
  await credit(member.id, { kind: 'earn', reason: 'sign-up', points: DEFAULT_EARNINGS['sign-up'], ref: `member:${member.id}` })
  if (updated.referredBy !== null)
    await credit(updated.referredBy, {
      kind: 'earn',
      reason: 'referral-member',
      points: DEFAULT_EARNINGS['referral-member'],
      ref: `member:${member.id}`,
    })
  return updated
}
