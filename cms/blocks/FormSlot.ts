import type { Block } from 'payload'

/**
 * Where a lead form goes on a page. The lead-form work gives it a relationship to a form;
 * until then it holds the heading and text shown around the form.
 */
export const FormSlot: Block = {
  slug: 'formSlot',
  labels: { singular: { en: 'Form', zh: '表单' }, plural: { en: 'Forms', zh: '表单' } },
  fields: [
    { name: 'heading', type: 'text' },
    { name: 'text', type: 'textarea' },
    { name: 'formKey', type: 'text', admin: { description: { en: 'Which form to show (filled in by the forms feature).', zh: '要显示的表单（由表单功能填写）。' } } },
  ],
}
