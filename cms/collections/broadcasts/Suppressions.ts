import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../access/roles'

export const SUPPRESSION_REASONS = ['bounce', 'complaint', 'unsubscribed', 'erasure', 'manual'] as const

/** Addresses never to be mailed again, kept only as a hash (functions/broadcasts/recipients.ts hashAddress). */
export const Suppressions: CollectionConfig = {
  slug: 'suppressions',
  labels: { singular: { en: 'Suppression', zh: '禁发地址' }, plural: { en: 'Suppressions', zh: '禁发地址' } },
  admin: { defaultColumns: ['addressHash', 'reason', 'at'], group: { en: 'Reach', zh: '触达' } },
  access: { create: isAdmin, read: isAdmin, update: nobody, delete: isAdmin },
  timestamps: false,
  fields: [
    { name: 'addressHash', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
    { name: 'reason', type: 'select', required: true, options: SUPPRESSION_REASONS.map((value) => ({ value, label: value })) },
    { name: 'at', type: 'date', required: true, admin: { readOnly: true } },
  ],
}
