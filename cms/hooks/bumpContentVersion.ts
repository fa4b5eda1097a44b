import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook, PayloadRequest } from 'payload'

import { newContentStamp } from '../../functions/content/content-stamp'

/**
 * Writes a new content stamp. Every site process compares it at most once a second with the one
 * it rendered from and drops its page cache when it changed, so the CMS never needs to know
 * which site processes exist.
 */
export async function bumpContentVersion(req: PayloadRequest): Promise<void> {
  await req.payload.updateGlobal({ slug: 'content-version', data: { stamp: newContentStamp() }, req })
}

type Versioned = { _status?: 'draft' | 'published' | null }

/** After a document changes: bump only when what visitors see may have changed (not for draft saves). */
export const bumpAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const now = (doc as Versioned)._status
  const before = (previousDoc as Versioned | undefined)?._status
  const drafted = now === 'draft' && before !== 'published'
  if (!drafted) await bumpContentVersion(req)
  return doc
}

/** After a document is deleted. */
export const bumpAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await bumpContentVersion(req)
  return doc
}

/** After a global (settings, header, footer) changes. */
export const bumpAfterGlobalChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await bumpContentVersion(req)
  return doc
}
