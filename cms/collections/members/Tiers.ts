import type { CollectionConfig } from 'payload'

import { canEditContent, isCmsUser } from '../../access/roles'
import { bumpAfterChange, bumpAfterDelete } from '../../hooks/bumpContentVersion'

/** Levels of membership: reached at `minPoints` points earned, each with its benefits. */
export const Tiers: CollectionConfig = {
  slug: 'tiers',
  labels: { singular: { en: 'Tier', zh: '会员等级' }, plural: { en: 'Tiers', zh: '会员等级' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'minPoints'], group: { en: 'Members', zh: '会员' } },
  access: { create: canEditContent, read: isCmsUser, update: canEditContent, delete: canEditContent },
  defaultSort: 'minPoints',
  // Gated pages name the tier they need, and cached teasers show it.
  hooks: { afterChange: [bumpAfterChange], afterDelete: [bumpAfterDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    { name: 'minPoints', type: 'number', required: true, min: 0, defaultValue: 0 },
    { name: 'benefits', type: 'array', localized: true, fields: [{ name: 'text', type: 'text', required: true }] },
  ],
}
