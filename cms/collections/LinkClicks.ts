import type { CollectionConfig } from 'payload'

import { isAdmin, isCmsUser, nobody } from '../access/roles'

/**
 * Clicks on campaign links per link and day (UTC), bots and HEAD requests left out. The site adds
 * to these in batches (site/lib/arrivals.ts) so that a redirect never waits for a write.
 */
export const LinkClicks: CollectionConfig = {
  slug: 'link-clicks',
  labels: { singular: { en: 'Link clicks', zh: '链接点击' }, plural: { en: 'Link clicks', zh: '链接点击' } },
  admin: { defaultColumns: ['day', 'link', 'count'], group: { en: 'Campaigns', zh: '推广' } },
  access: { create: nobody, read: isCmsUser, update: nobody, delete: isAdmin },
  timestamps: false,
  // One row per link and day, so that concurrent site processes add to the same row.
  indexes: [{ fields: ['link', 'day'], unique: true }],
  fields: [
    {
      name: 'link',
      type: 'text',
      required: true,
      index: true,
      admin: { description: { en: 'The campaign link code.', zh: '活动链接代码。' } },
    },
    { name: 'day', type: 'text', required: true, index: true, admin: { description: 'YYYY-MM-DD (UTC)' } },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
  ],
}
