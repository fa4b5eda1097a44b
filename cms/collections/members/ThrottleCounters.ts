import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../access/roles'

/**
 * The brute-force counters of account requests (functions/members throttle), shared by every site
 * process on this database, so that two processes do not each allow the full limit. Keyed by a
 * hashed address or an account; rows expire with their window.
 */
export const ThrottleCounters: CollectionConfig = {
  slug: 'throttle-counters',
  labels: { singular: { en: 'Throttle counter', zh: '限流计数' }, plural: { en: 'Throttle counters', zh: '限流计数' } },
  admin: {
    defaultColumns: ['counterKey', 'expiresAt'],
    group: { en: 'Members', zh: '会员' },
    hidden: ({ user }) => (user as { role?: string } | null)?.role !== 'admin',
  },
  access: { create: nobody, read: isAdmin, update: nobody, delete: isAdmin },
  timestamps: false,
  fields: [
    { name: 'counterKey', type: 'text', required: true, unique: true, index: true },
    // A `secret:` row holds a credential (企业微信's access token): shared by the processes, read by nobody over the API.
    {
      name: 'state',
      type: 'json',
      access: { read: ({ doc }) => !String((doc as { counterKey?: unknown } | undefined)?.counterKey ?? '').startsWith('secret:') },
    },
    // Compare-and-set: a writer changes a row only if nobody changed it since it read it.
    { name: 'version', type: 'number', required: true, defaultValue: 0 },
    // Milliseconds since the epoch, so expiry compares as a number in SQL.
    { name: 'expiresAt', type: 'number', required: true, index: true },
  ],
}
