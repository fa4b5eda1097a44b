import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

/**
 * Queues a rebuild of the search indexes unless one is already waiting: a burst of publishes
 * (or the seed) then costs one rebuild, which reads everything as it is when it runs.
 */
export async function queueSearchRebuild(req: PayloadRequest, reason: string): Promise<void> {
  const waiting = await req.payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'rebuildSearchIndex' } },
        { processing: { equals: false } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    req,
  })
  if (waiting.totalDocs > 0) return
  await req.payload.jobs.queue({ task: 'rebuildSearchIndex', input: { reason }, req })
}

type Versioned = { id?: string | number; _status?: 'draft' | 'published' | null }

/** After a page or post changes: rebuild when it is or was published (a draft save of a new document changes nothing public). */
export const rebuildSearchAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, collection }) => {
  const now = (doc as Versioned)._status
  const before = (previousDoc as Versioned | undefined)?._status
  if (now === 'published' || before === 'published')
    await queueSearchRebuild(req, `${collection.slug} ${String((doc as Versioned).id)} ${now ?? ''}`.trim())
  return doc
}

/** After a category changes: its title is shown and searched with posts. */
export const rebuildSearchAfterCategoryChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await queueSearchRebuild(req, `categories ${String((doc as Versioned).id)}`)
  return doc
}

/** After a page, post or category is deleted. */
export const rebuildSearchAfterDelete: CollectionAfterDeleteHook = async ({ doc, req, collection }) => {
  await queueSearchRebuild(req, `${collection.slug} ${String((doc as Versioned).id)} deleted`)
  return doc
}
