import type { CollectionConfig } from 'payload'

import { canEditContent, isCmsUser } from '../../access/roles'

/** What members can spend points on; only active rewards are offered. */
export const Rewards: CollectionConfig = {
  slug: 'rewards',
  labels: { singular: { en: 'Reward', zh: '兑换奖励' }, plural: { en: 'Rewards', zh: '兑换奖励' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'cost', 'active'], group: { en: 'Members', zh: '会员' } },
  access: { create: canEditContent, read: isCmsUser, update: canEditContent, delete: canEditContent },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    { name: 'cost', type: 'number', required: true, min: 1, max: 1_000_000 },
    { name: 'active', type: 'checkbox', defaultValue: true },
  ],
}
