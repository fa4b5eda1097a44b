import type { Payload } from 'payload'

import { type ConsentEntry, NEWSLETTER, planConsentChanges } from '../../functions/members/consent-log'
import { leadStoreFor } from '../intake/lead-store'
import { relation } from './relation'

const base = { depth: 0, overrideAccess: true } as const

/** What a confirmed newsletter sign-up did: subscribed someone, or found them subscribed already. */
export type ConfirmOutcome = { subscribed: boolean; person: { member: string } | { lead: string } }

async function logOf(payload: Payload, where: { member: { equals: number | string } } | { lead: { equals: number | string } }) {
  const { docs } = await payload.find({ collection: 'consent-log', where, sort: 'at', limit: 0, pagination: false, ...base })
  return docs
}

/**
 * Subscribes the owner of `email` to the newsletter after they followed the confirmation link, the
 * way segments read subscriptions: a member's consent log when the address has an account, else a
 * consent entry on the person's lead (found or made through the lead store). Confirming twice logs once.
 */
export async function confirmNewsletterSubscriber(payload: Payload, email: string, now: Date): Promise<ConfirmOutcome> {
  const members = await payload.find({ collection: 'members', where: { email: { equals: email } }, limit: 1, ...base })
  const member = members.docs.find((m) => !m.erasedAt)
  let person: ConfirmOutcome['person']
  let log: ConsentEntry[]
  if (member) {
    person = { member: String(member.id) }
    log = await logOf(payload, { member: { equals: member.id } })
  } else {
    // The one way to a person's lead (an anonymised lead holds no address, so it is never found):
    // two confirmations of a new address at the same moment make one lead.
    const lead = await leadStoreFor(payload).findOrCreateLead({ email, phone: null, name: null, firstTouch: null, lastTouch: null })
    person = { lead: String(lead.id) }
    log = await logOf(payload, { lead: { equals: lead.id } })
  }
  const plan = planConsentChanges(log, { [NEWSLETTER]: true }, { source: 'newsletter-form', topics: [], now })
  if (!plan.ok || plan.entries.length === 0) return { subscribed: false, person }
  const who = 'member' in person ? { member: relation(person.member) } : { lead: relation(person.lead) }
  for (const entry of plan.entries) await payload.create({ collection: 'consent-log', data: { ...who, ...entry }, ...base, select: {} })
  return { subscribed: true, person }
}
