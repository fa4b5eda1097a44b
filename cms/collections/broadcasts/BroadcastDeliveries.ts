import type { CollectionConfig } from 'payload'

import { isCmsUser, nobody } from '../../access/roles'

/**
 * One row per recipient of a broadcast, written with its batch number before anything is sent
 * (functions/broadcasts/send.ts): the record that a recipient never gets a broadcast twice.
 */
export const BroadcastDeliveries: CollectionConfig = {
  slug: 'broadcast-deliveries',
  labels: { singular: { en: 'Broadcast delivery', zh: '群发投递' }, plural: { en: 'Broadcast deliveries', zh: '群发投递' } },
  admin: { defaultColumns: ['broadcast', 'email', 'batch', 'status', 'sentAt'], group: { en: 'Reach', zh: '触达' } },
  access: { create: nobody, read: isCmsUser, update: nobody, delete: nobody },
  timestamps: false,
  indexes: [{ fields: ['broadcast', 'recipient'], unique: true }, { fields: ['broadcast', 'batch'] }],
  fields: [
    { name: 'broadcast', type: 'relationship', relationTo: 'broadcasts', required: true, index: true },
    { name: 'recipient', type: 'text', required: true, admin: { description: 'm:<member id> or l:<lead id>' } },
    { name: 'email', type: 'text', required: true },
    { name: 'name', type: 'text' },
    { name: 'locale', type: 'text' },
    { name: 'member', type: 'text' },
    { name: 'lead', type: 'text' },
    { name: 'batch', type: 'number', required: true },
    { name: 'status', type: 'select', required: true, defaultValue: 'pending', options: ['pending', 'sent'] },
    { name: 'providerId', type: 'text', index: true },
    { name: 'sentAt', type: 'date' },
  ],
}
