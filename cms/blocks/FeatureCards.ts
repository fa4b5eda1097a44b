import type { Block } from 'payload'

import { link } from '../fields/link'

/** A grid of cards, each a short feature with an optional image and link. */
export const FeatureCards: Block = {
  slug: 'featureCards',
  labels: { singular: { en: 'Feature cards', zh: '特性卡片' }, plural: { en: 'Feature cards', zh: '特性卡片' } },
  fields: [
    { name: 'heading', type: 'text' },
    {
      name: 'cards',
      type: 'array',
      minRows: 1,
      maxRows: 12,
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'text', type: 'textarea' },
        { name: 'image', type: 'upload', relationTo: 'media' },
        link({ name: 'link' }),
      ],
    },
  ],
}
