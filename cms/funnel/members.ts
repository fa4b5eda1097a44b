import type { Payload } from 'payload'

/** The members collection, once the membership work adds it (issue 5); until then there is none. */
export const MEMBERS_SLUG = 'members'

/**
 * Whether members can be counted: the collection exists and records firstTouch and lastTouch like
 * leads do. Until it does, the funnel's member step is 0 and nothing else changes.
 * @example membersCountable(payload) // false before the members collection exists
 */
export function membersCountable(payload: Payload): boolean {
  const members = (payload.collections as Record<string, { config: { flattenedFields: { name: string }[] } } | undefined>)[MEMBERS_SLUG]
  if (!members) return false
  const names = new Set(members.config.flattenedFields.map((field) => field.name))
  return names.has('firstTouch') && names.has('lastTouch')
}
