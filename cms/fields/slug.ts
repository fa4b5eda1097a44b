import type { Field } from 'payload'

import { isValidPath, isValidSlug } from '../../functions/content/paths'

/** A URL slug: lower-case letters, digits and dashes. Unique within its collection. */
export const slug: Field = {
  name: 'slug',
  type: 'text',
  required: true,
  unique: true,
  index: true,
  admin: { position: 'sidebar' },
  validate: (value: string | null | undefined) =>
    (value && isValidSlug(value)) || 'Use lower-case letters, digits and dashes, e.g. brand-strategy',
}

/** A page path such as `about` or `solutions/retail`; `home` is the home page. */
export const pagePath: Field = {
  name: 'path',
  type: 'text',
  required: true,
  unique: true,
  index: true,
  admin: {
    position: 'sidebar',
    description: {
      en: 'e.g. about or solutions/retail; "home" is the home page',
      zh: '例如 about 或 solutions/retail；"home" 为首页',
    },
  },
  validate: (value: string | null | undefined) =>
    (value && isValidPath(value)) || 'Use lower-case segments of letters, digits and dashes separated by /, e.g. solutions/retail',
}
