import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { canEditContent } from '../access/roles'
import { link } from '../fields/link'
import { bumpAfterGlobalChange } from '../hooks/bumpContentVersion'

/** The footer: columns of links and a line of small print. */
export const Footer: GlobalConfig = {
  slug: 'footer',
  label: { en: 'Footer', zh: '页脚' },
  admin: { group: { en: 'Settings', zh: '设置' } },
  access: { read: anyone, update: canEditContent },
  hooks: { afterChange: [bumpAfterGlobalChange] },
  fields: [
    {
      name: 'columns',
      type: 'array',
      maxRows: 4,
      localized: true,
      fields: [
        { name: 'heading', type: 'text', required: true },
        { name: 'links', type: 'array', fields: [link({ name: 'link', required: true })] },
      ],
    },
    { name: 'smallPrint', type: 'text', localized: true },
  ],
}
