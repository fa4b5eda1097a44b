import type { Field } from 'payload'

/** SEO fields shared by pages and posts: the title and description search engines and share cards show. */
export const seo: Field = {
  name: 'seo',
  type: 'group',
  label: { en: 'SEO', zh: '搜索引擎优化' },
  fields: [
    { name: 'title', type: 'text', localized: true, maxLength: 70 },
    { name: 'description', type: 'textarea', localized: true, maxLength: 200 },
    { name: 'image', type: 'upload', relationTo: 'media' },
  ],
}
