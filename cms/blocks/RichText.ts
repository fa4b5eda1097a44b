import type { Block } from 'payload'

/** Free text written in the rich-text editor. */
export const RichText: Block = {
  slug: 'richText',
  labels: { singular: { en: 'Rich text', zh: '富文本' }, plural: { en: 'Rich text', zh: '富文本' } },
  fields: [{ name: 'content', type: 'richText', required: true }],
}
