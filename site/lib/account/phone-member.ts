// What signing in with a new phone number does: a member without an email is opened, the number
// becomes theirs (member-identities), and they are linked to the lead with that number (or a new one).
import { isVisitorId, readCookie, VISITOR_COOKIE } from '../../../functions/attribution/visitor'
import { phoneKey } from '../../../functions/members/identities'
import { leadOfNewMember } from '../../../functions/members/member-lead'
import { DEFAULT_EARNINGS } from '../../../functions/members/points'
import { generateReferralCode } from '../../../functions/members/referral-code'
import { DuplicateError, type StoredMember } from '../../../functions/members/store'
import type { PhoneNumber } from '../../../functions/phone/phone-number'
import { linkVisitorToLead, touchesForConversion } from '../arrivals'
import { recordSignUp } from '../nurture'
import { identities, membersStore } from '../stores'
import { credit } from './identity'
import type { ActionContext } from './outcome'

/**
 * The member who owns this number, or a new one who does. Two requests racing with the same new
 * number: the unique identity key lets one win; the other's fresh member is dropped and it signs in
 * as the winner (the same person: both proved the number).
 */
export async function memberForPhone(phone: PhoneNumber, ctx: ActionContext): Promise<StoredMember | null> {
  const ids = await identities()
  const store = await membersStore()
  const key = phoneKey(phone.e164)
  const owner = await ids.ownerOf(key)
  if (owner !== null) return store.memberById(owner)

  const cookie = ctx.request.headers.get('cookie')
  const touches = await touchesForConversion(cookie)
  const visitor = readCookie(cookie, VISITOR_COOKIE)
  const referralCode = touches.visitor ? await store.referralCodeOfVisitor(touches.visitor) : null
  const referrer = referralCode ? await store.memberByReferralCode(referralCode) : null
  let member: StoredMember | null = null
  for (let attempt = 0; attempt < 3 && !member; attempt++) {
    try {
      member = await ids.createMemberWithoutEmail({
        phone: phone.e164,
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
  if ((await ids.claim(key, 'phone', member.id, new Date())) === 'taken') {
    await ids.dropFreshMember(member.id)
    const winner = await ids.ownerOf(key)
    return winner === null ? null : store.memberById(winner)
  }
  return becomePhoneMember(member, phone)
}

/**
 * Links a member who proved a number to the lead with that number (unless it is another member's) and credits sign-up points;
 * safe to run twice.
 */
export async function becomePhoneMember(member: StoredMember, phone: PhoneNumber): Promise<StoredMember> {
  const store = await membersStore()
  const now = new Date()
  let updated = member
  if (member.lead === null) {
    const found = await leadOfNewMember(store, member, { email: null, phone: phone.e164 }, now)
    if (found)
      updated = await store.updateMember(member.id, { lead: found.lead, ...(found.firstTouch ? { firstTouch: found.firstTouch } : {}) })
  }
  if (updated.visitor && updated.lead !== null) {
    await linkVisitorToLead(updated.visitor, updated.lead).catch((error: unknown) =>
      console.error('Touches not linked to the member’s lead:', error instanceof Error ? error.message : error),
    )
  }
  // Becoming a member is an activity of the lead: scoring rules and sequences start from it.
  if (member.lead === null && updated.lead !== null) await recordSignUp(updated.lead, updated.visitor, member.id, now)
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
