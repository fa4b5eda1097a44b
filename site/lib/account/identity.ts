// What becoming a member (a verified email) does: the member is linked to the lead with the same
// email (or a new one), the browser's touches join that lead, and sign-up and referral points are credited.
import { serialize } from '../../../functions/concurrency/serialize'
import { leadOfNewMember } from '../../../functions/members/member-lead'
import { DEFAULT_EARNINGS, planEntry, type PointsRequest } from '../../../functions/members/points'
import type { Id } from '../../../functions/members/records'
import type { StoredMember } from '../../../functions/members/store'
import { linkVisitorToLead } from '../arrivals'
import { recordSignUp } from '../nurture'
import { membersStore } from '../stores'

/**
 * Appends one entry to a member's ledger if the rules allow it (planEntry): one request per member
 * at a time in this process, and the (member, reason, ref) index across processes.
 */
export async function credit(member: Id, request: PointsRequest, note: string | null = null): Promise<'credited' | 'refused'> {
  const store = await membersStore()
  return serialize(`points:${member}`, async () => {
    const planned = planEntry(await store.ledgerOf(member), request, { now: new Date() })
    if (!planned.ok) return 'refused'
    return (await store.appendPoints(member, planned.entry, note)) ? 'credited' : 'refused'
  })
}

/**
 * Marks the email verified and does what becoming a member does; safe to run twice.
 * The first confirmation ends every session but `keep.session` (the one that typed the code) and
 * clears the password unless `keep.password`: before it, anyone could have signed up with this
 * email and kept a session or a password (pre-hijacking). Keep the password only when whoever
 * typed the code also chose it (the sign-up session, or a reset that sets it with the code).
 */
export async function becomeMember(member: StoredMember, keep: { session?: Id | null; password?: boolean } = {}): Promise<StoredMember> {
  const store = await membersStore()
  const now = new Date()
  const patch: Record<string, unknown> = { emailVerifiedAt: member.emailVerifiedAt ?? now.toISOString() }
  if (!member.emailVerifiedAt) {
    await store.revokeSessions(member.id, { except: keep.session ?? null }, now)
    if (!keep.password) patch.passwordHash = null
  }
  if (member.lead === null) {
    const found = await leadOfNewMember(store, member, { email: member.email, phone: null }, now)
    if (found) {
      patch.lead = found.lead
      if (found.firstTouch) patch.firstTouch = found.firstTouch
    }
  }
  const updated = await store.updateMember(member.id, patch)
  if (updated.visitor && updated.lead !== null) {
    await linkVisitorToLead(updated.visitor, updated.lead).catch((error: unknown) =>
      console.error('Touches not linked to the member’s lead:', error instanceof Error ? error.message : error),
    )
  }
  // Becoming a member is an activity of the lead: scoring rules and sequences start from it.
  if (member.lead === null && updated.lead !== null) await recordSignUp(updated.lead, updated.visitor, member.id, now)
  await credit(member.id, { kind: 'earn', reason: 'sign-up', points: DEFAULT_EARNINGS['sign-up'], ref: `member:${member.id}` })
  // The referrer is credited when the person they brought becomes a member, at most 10 times a day.
  if (updated.referredBy !== null)
    await credit(updated.referredBy, {
      kind: 'earn',
      reason: 'referral-member',
      points: DEFAULT_EARNINGS['referral-member'],
      ref: `member:${member.id}`,
    })
  return updated
}
