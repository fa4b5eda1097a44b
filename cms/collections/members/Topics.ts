import type { CollectionConfig } from 'payload'

import { canEditContent, isCmsUser } from '../../access/roles'

/** What members can say they are interested in and subscribe to (besides the newsletter). */
export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: { singular: { en: 'Topic', zh: '主题' }, plural: { en: 'Topics', zh: '主题' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], group: { en: 'Members', zh: '会员' } },
  access: { create: canEditContent, read: isCmsUser, update: canEditContent, delete: canEditContent },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (value: unknown) =>
        (typeof value === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(value) && value !== 'newsletter') ||
        'Lower-case letters, digits and dashes (not "newsletter", which is always there).',
    },
  ],
}
