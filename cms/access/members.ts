import type { Access, FieldAccess } from 'payload'

import { roleOf } from './roles'

/**
 * Field access for the body of gated content (a page's blocks, a post's text): CMS users always,
 * the site when it has checked the visitor's entitlement (it passes `context.gatedBody`, which no
 * REST or GraphQL request can set), everyone else only on public documents. Without a document
 * (a `where` on the body) only CMS users pass, so nobody can probe a gated body by filtering on it.
 */
export const bodyReadable: FieldAccess = ({ req, doc }) => {
  if (roleOf(req) !== null || req.context?.gatedBody === true) return true
  if (!doc) return false
  return doc.visibility === undefined || doc.visibility === null || doc.visibility === 'public'
}

/** Access: no member credential reaches Payload, so this is CMS users only: admins and sales read members' records. */
export const membersDataReader: Access = ({ req }) => {
  const role = roleOf(req)
  return role === 'admin' || role === 'sales' || role === 'sales-manager'
}
