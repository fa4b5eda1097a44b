import type { Access } from 'payload'

import { roleOf } from './roles'

/**
 * Read access for drafts-enabled content: editors and admins read everything, sales read
 * everything but change nothing, everyone else reads published documents only.
 */
export const publishedOrCmsUser: Access = ({ req }) => {
  if (roleOf(req)) return true
  return { _status: { equals: 'published' } }
}
