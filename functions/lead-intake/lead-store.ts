import type { NewLead } from './intake'

type Id = string | number

/** A person to find among the leads, and what their lead starts with when they are new. */
export interface PersonLead extends NewLead {
  /** The member this person is, when a member's confirmation asks (a new lead is linked at once). */
  member?: Id | null
  becameMemberAt?: string | null
}

/** The person's lead as found or created. */
export interface FoundLead {
  id: Id
  member: Id | null
  firstTouch: unknown
  /** True when this call made the lead. */
  created: boolean
}

/**
 * The one way to find or create a lead, for intake and members alike. A person is their email,
 * else their phone; two requests of one new person at the same moment, in one process or two,
 * make one lead. Each database keeps that its own way (SQLite: one statement under the write lock;
 * other adapters: a unique index, see cms/intake/lead-store.ts).
 */
export interface LeadStore {
  findOrCreateLead(person: PersonLead): Promise<FoundLead>
}

/** The column and value a person is looked up by: email first, else phone; null for neither. */
export function personKey(person: { email: string | null; phone: string | null }): readonly ['email' | 'phone', string] | null {
  if (person.email) return ['email', person.email] as const
  if (person.phone) return ['phone', person.phone] as const
  return null
}
