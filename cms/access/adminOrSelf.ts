import type { Access } from 'payload'

import { roleOf } from './roles'

/** Access: admins see every CMS user; other CMS users see only themselves. */
export const adminOrSelf: Access = ({ req }) => {
  const role = roleOf(req)
  if (role === 'admin') return true
  if (role && req.user) return { id: { equals: req.user.id } }
  return false
}
