import type { Block } from 'payload'

/** One image with an optional caption. */
export const MediaBlock: Block = {
  slug: 'mediaBlock',
  labels: { singular: { en: 'Media', zh: '图片' }, plural: { en: 'Media', zh: '图片' } },
  fields: [
    { name: 'image', type: 'upload', relationTo: 'media', required: true },
    { name: 'caption', type: 'text' },
  ],
}
