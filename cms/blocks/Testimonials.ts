import type { Block } from 'payload'

/** Quotes from customers, with who said them. */
export const Testimonials: Block = {
  slug: 'testimonials',
  labels: { singular: { en: 'Testimonials', zh: '客户评价' }, plural: { en: 'Testimonials', zh: '客户评价' } },
  fields: [
    { name: 'heading', type: 'text' },
    {
      name: 'items',
      type: 'array',
      minRows: 1,
      fields: [
        { name: 'quote', type: 'textarea', required: true },
        { name: 'name', type: 'text', required: true },
        { name: 'role', type: 'text' },
        { name: 'avatar', type: 'upload', relationTo: 'media' },
      ],
    },
  ],
}
