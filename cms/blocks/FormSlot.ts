import type { Block } from 'payload'

/** A lead form on a page, with the heading and text shown around it. */
export const FormSlot: Block = {
  slug: 'formSlot',
  labels: { singular: { en: 'Form', zh: '表单' }, plural: { en: 'Forms', zh: '表单' } },
  fields: [
    { name: 'heading', type: 'text' },
    { name: 'text', type: 'textarea' },
    { name: 'form', type: 'relationship', relationTo: 'forms' },
  ],
}
