import type { Payload } from 'payload'

import { type ConsentEntry, NEWSLETTER, planConsentChanges } from '../../functions/members/consent-log'
import { relation } from './relation'

const base = { depth: 0, overrideAccess: true } as const

/** What a confirmed newsletter sign-up did: subscribed someone, or found them subscribed already. */
export type ConfirmOutcome = { subscribed: boolean; person: { member: string } | { lead: string } }

async function logOf(payload: Payload, where: { member: { equals: number } } | { lead: { equals: number } }) {
  const { docs } = await payload.find({ collection: 'consent-log', where, sort: 'at', limit: 0, pagination: false, ...base })
  return docs as unknown as ConsentEntry[]
}

/**
 * Subscribes the owner of `email` to the newsletter after they followed the confirmation link, the
 * way segments read subscriptions: a member's consent log when the address has an account, else a
 * consent entry on the person's lead (made now if the address has none). Confirming twice logs once.
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
    const leads = await payload.find({
      collection: 'leads',
      where: { and: [{ email: { equals: email } }, { anonymisedAt: { exists: false } }] },
      sort: 'createdAt',
      limit: 1,
      ...base,
    })
    const lead =
      leads.docs[0] ?? (await payload.create({ collection: 'leads', data: { email, status: 'new' }, draft: false, ...base, select: {} }))
    person = { lead: String(lead.id) }
    log = await logOf(payload, { lead: { equals: lead.id } })
  }
  const plan = planConsentChanges(log, { [NEWSLETTER]: true }, { source: 'newsletter-form', topics: [], now })
  if (!plan.ok || plan.entries.length === 0) return { subscribed: false, person }
  const who = 'member' in person ? { member: relation(person.member) } : { lead: relation(person.lead) }
  for (const entry of plan.entries) await payload.create({ collection: 'consent-log', data: { ...who, ...entry }, ...base, select: {} })
  return { subscribed: true, person }
}
