import type { CollectionAfterChangeHook } from 'payload'

import { insertActivity } from '.'

/** A tag added to a lead (by sales, in the admin) is an activity: sequences with the trigger "tag added" start from it. */
export const recordTagsAdded: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation !== 'update') return doc
  const before = new Set<string>((previousDoc?.tags as string[] | null | undefined) ?? [])
  const added = ((doc.tags as string[] | null | undefined) ?? []).filter((t) => !before.has(t))
  if (added.length) {
    const at = new Date().toISOString()
    await insertActivity(
      req.payload,
      added.map((tag) => ({
        lead: doc.id,
        visitor: null,
        kind: 'tag-added' as const,
        at,
        path: null,
        categories: [],
        form: null,
        ref: tag,
        locale: null,
      })),
    )
  }
  return doc
}
