import { createHash } from 'node:crypto'

import { compileSegment, type PersonFacts, type Segment } from './segment'

/** One person a broadcast goes to, as written on their delivery row before anything is sent. */
export interface Recipient {
  key: string
  email: string
  name: string | null
  locale: string | null
  memberId: string | null
  leadId: string | null
}

/**
 * The address as a suppression keeps it: SHA-256 of the trimmed, lower-cased address, so an erased
 * or bounced person is never mailed again without the address itself being kept.
 * @example hashAddress(' Ann@Example.com ') === hashAddress('ann@example.com') // true
 */
export function hashAddress(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex')
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Who receives a broadcast: the people of the segment, less suppressed addresses, less anyone who
 * unsubscribed from its topic, one per address (a member wins over their own lead), in key order so
 * that the same people always make the same batches.
 * @example selectRecipients(people, segment, { topic: 'newsletter', suppressed: new Set([hashAddress('x@y.z')]) })
 */
export function selectRecipients(
  people: Iterable<PersonFacts>,
  segment: Segment,
  { topic, suppressed }: { topic: string; suppressed: ReadonlySet<string> },
): Recipient[] {
  const inSegment = compileSegment(segment)
  const byAddress = new Map<string, Recipient>()
  for (const person of people) {
    const address = person.email.trim().toLowerCase()
    if (!EMAIL.test(address) || !inSegment(person) || person.unsubscribed.includes(topic) || suppressed.has(hashAddress(address))) continue
    const known = byAddress.get(address)
    if (known && known.memberId !== null) continue
    byAddress.set(address, {
      key: person.key,
      email: person.email.trim(),
      name: person.name,
      locale: person.locale,
      memberId: person.memberId,
      leadId: person.leadId,
    })
  }
  return [...byAddress.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
