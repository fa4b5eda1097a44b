import { chmod } from 'node:fs/promises'
import path from 'node:path'

import type { CollectionAfterChangeHook } from 'payload'

/**
 * An upload collection's hook: the file Payload wrote (and every resized copy) is made 0600, so
 * nobody else on the machine reads it even if the folder's mode is loosened. The site serves media
 * as the same account.
 * @example hooks: { afterChange: [privateUploads(mediaDir)] }
 */
export function privateUploads(staticDir: string): CollectionAfterChangeHook {
  return async ({ doc }) => {
    const sizes = Object.values((doc.sizes ?? {}) as Record<string, { filename?: string | null } | null>).map((size) => size?.filename)
    for (const filename of [doc.filename as string | null | undefined, ...sizes]) {
      // A name is Payload's own (sanitised); basename keeps it inside the folder all the same.
      if (!filename) continue
      await chmod(path.join(staticDir, path.basename(filename)), 0o600).catch((error: NodeJS.ErrnoException) => {
        // A size that was never written (an image smaller than it) has nothing to protect.
        if (error.code !== 'ENOENT') throw error
      })
    }
    return doc
  }
}
