import type { CollectionConfig } from 'payload'

import { EVENT_TYPES } from '../../../functions/broadcasts/events'
import { isCmsUser, nobody } from '../../access/roles'

/** Resend's webhook events and the site's own clicks and unsubscribes, per recipient: the stats' source. */
export const BroadcastEvents: CollectionConfig = {
  slug: 'broadcast-events',
  labels: { singular: { en: 'Broadcast event', zh: '群发事件' }, plural: { en: 'Broadcast events', zh: '群发事件' } },
  admin: { defaultColumns: ['type', 'broadcast', 'recipient', 'at'], group: { en: 'Reach', zh: '触达' } },
  access: { create: nobody, read: isCmsUser, update: nobody, delete: nobody },
  timestamps: false,
  fields: [
    // The webhook's svix-id (a delivery Resend retries keeps it), or an id of our own for site events.
    { name: 'eventId', type: 'text', required: true, unique: true, index: true },
    { name: 'type', type: 'select', required: true, options: EVENT_TYPES.map((value) => ({ value, label: value })) },
    { name: 'broadcast', type: 'relationship', relationTo: 'broadcasts', index: true },
    { name: 'recipient', type: 'text' },
    { name: 'providerId', type: 'text' },
    { name: 'url', type: 'text' },
    { name: 'at', type: 'date', required: true },
  ],
}
