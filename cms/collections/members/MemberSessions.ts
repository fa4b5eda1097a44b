import type { CollectionConfig } from 'payload'

import { membersDataReader } from '../../access/members'
import { nobody } from '../../access/roles'

/**
 * A member's signed-in browsers. The cookie `bs_member` holds a random 256-bit token; only its
 * SHA-256 is stored, so a copy of the database signs nobody in.
 */
export const MemberSessions: CollectionConfig = {
  slug: 'member-sessions',
  labels: { singular: { en: 'Member session', zh: '会员会话' }, plural: { en: 'Member sessions', zh: '会员会话' } },
  admin: { defaultColumns: ['member', 'userAgent', 'lastSeenAt', 'expiresAt', 'revokedAt'], group: { en: 'Members', zh: '会员' } },
  access: { create: nobody, read: membersDataReader, update: nobody, delete: nobody },
  fields: [
    { name: 'member', type: 'relationship', relationTo: 'members', required: true, index: true, admin: { readOnly: true } },
    { name: 'tokenHash', type: 'text', required: true, unique: true, index: true, hidden: true, access: { read: () => false } },
    { name: 'lastSeenAt', type: 'date', required: true, admin: { readOnly: true } },
    { name: 'expiresAt', type: 'date', required: true, index: true, admin: { readOnly: true } },
    { name: 'userAgent', type: 'text', admin: { readOnly: true } },
    { name: 'ipHash', type: 'text', admin: { readOnly: true } },
    { name: 'revokedAt', type: 'date', admin: { readOnly: true } },
  ],
}
