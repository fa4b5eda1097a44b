import type { Access, FieldAccess, PayloadRequest } from 'payload'

/** The three kinds of CMS user; members of the brand site are a different collection. */
/** Sales managers work leads like sales, and also write scoring rules and sequences. */
export const ROLES = ['admin', 'editor', 'sales', 'sales-manager'] as const
export type Role = (typeof ROLES)[number]

type WithRole = { role?: Role | null; collection?: string }

/** The role of the CMS user behind a request, or null for anonymous visitors and anything that is not a CMS user. */
export function roleOf(req: Pick<PayloadRequest, 'user'>): Role | null {
  const user = req.user as WithRole | null | undefined
  if (!user || user.collection !== 'users') return null
  return user.role ?? null
}

/** Access: only admins. */
export const isAdmin: Access = ({ req }) => roleOf(req) === 'admin'

/** Field access: only admins (used for the role field, so nobody promotes themselves). */
export const isAdminField: FieldAccess = ({ req }) => roleOf(req) === 'admin'

/** Access: editors and admins, the people who write site content. */
export const canEditContent: Access = ({ req }) => {
  const role = roleOf(req)
  return role === 'admin' || role === 'editor'
}

/** Access: any signed-in CMS user (admin, editor or sales). */
export const isCmsUser: Access = ({ req }) => roleOf(req) !== null

/** Access: sales people and admins, who work leads and submissions. */
export const canWorkLeads: Access = ({ req }) => {
  const role = roleOf(req)
  return role === 'admin' || role === 'sales' || role === 'sales-manager'
}

/** Access: admins and sales managers, who write scoring rules and sequences. */
export const canManageNurture: Access = ({ req }) => {
  const role = roleOf(req)
  return role === 'admin' || role === 'sales-manager'
}

/** Access: nobody through the API; the site writes through the Local API with its own checks. */
export const nobody: Access = () => false
