import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../access/roles'

/**
 * One-time codes (functions/members one-time-code): one row per subject and purpose, holding only
 * the code's keyed hash. `version` grows on every write, so a verification saves only if nobody
 * else saved in between (two requests with the right code cannot both sign in).
 */
export const MemberCodes: CollectionConfig = {
  slug: 'member-codes',
  labels: { singular: { en: 'Member code', zh: '会员验证码' }, plural: { en: 'Member codes', zh: '会员验证码' } },
  admin: {
    defaultColumns: ['subject', 'purpose', 'updatedAt'],
    group: { en: 'Members', zh: '会员' },
    hidden: ({ user }) => (user as { role?: string } | null)?.role !== 'admin',
  },
  access: { create: nobody, read: isAdmin, update: nobody, delete: nobody },
  indexes: [{ fields: ['subject', 'purpose'], unique: true }],
  fields: [
    // The normalised email the code is for (for change-email, the member's current email).
    { name: 'subject', type: 'text', required: true, index: true, admin: { readOnly: true } },
    {
      name: 'purpose',
      type: 'select',
      required: true,
      options: ['sign-in', 'verify-email', 'change-email', 'reset-password'],
      admin: { readOnly: true },
    },
    { name: 'record', type: 'json', admin: { readOnly: true } },
    { name: 'version', type: 'number', required: true, defaultValue: 0, admin: { readOnly: true } },
    // The job run that issued the current code: its retry replaces it with a fresh one.
    { name: 'requestId', type: 'text', admin: { readOnly: true } },
    { name: 'newEmail', type: 'email', admin: { readOnly: true } },
  ],
}
