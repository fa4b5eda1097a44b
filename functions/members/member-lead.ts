import type { LeadStore, PersonLead } from '../lead-intake/lead-store'
import type { Id } from './records'
import type { StoredMember } from './store'

/**
 * What the lead store is asked for a member: the person (their email or phone, or neither), the
 * member's name and arrival touches, and the moment they became a member.
 */
export function memberAsPerson(member: StoredMember, person: { email: string | null; phone: string | null }, now: Date): PersonLead {
  return {
    ...person,
    name: member.name,
    // A member's touches are stored JSON, written from the Touch its arrival recorded.
    firstTouch: member.firstTouch as PersonLead['firstTouch'],
    lastTouch: member.lastTouch as PersonLead['lastTouch'],
    member: member.id,
    becameMemberAt: now.toISOString(),
  }
}

/**
 * The lead of a member who has just proved their email or phone: that person's lead, found or
 * created by the one LeadStore rule (one lead per person), and linked to the member. A lead that
 * is already another member's is not taken over: two known people are never merged, so this
 * member stays without a lead and their submissions still reach sales through that lead.
 */
export async function leadOfNewMember(
  store: LeadStore & { linkLead(lead: Id, member: Id, now: Date): Promise<void> },
  member: StoredMember,
  person: { email: string | null; phone: string | null },
  now: Date,
): Promise<{ lead: Id; firstTouch: unknown } | null> {
  const found = await store.findOrCreateLead(memberAsPerson(member, person, now))
  if (found.created) return { lead: found.id, firstTouch: null }
  if (found.member !== null && String(found.member) !== String(member.id)) return null
  await store.linkLead(found.id, member.id, now)
  return { lead: found.id, firstTouch: found.firstTouch }
}
