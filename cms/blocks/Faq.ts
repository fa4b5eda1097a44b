import type { Block } from 'payload'

/** Questions and answers, rendered as native disclosure elements (no script). */
export const Faq: Block = {
  slug: 'faq',
  labels: { singular: { en: 'FAQ', zh: '常见问题' }, plural: { en: 'FAQs', zh: '常见问题' } },
  fields: [
    { name: 'heading', type: 'text' },
    {
      name: 'items',
      type: 'array',
      minRows: 1,
      fields: [
        { name: 'question', type: 'text', required: true },
        { name: 'answer', type: 'textarea', required: true },
      ],
    },
  ],
}
