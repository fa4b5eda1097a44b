import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { canEditContent } from '../access/roles'
import { link } from '../fields/link'
import { bumpAfterGlobalChange } from '../hooks/bumpContentVersion'

/** The site's main navigation. */
export const Header: GlobalConfig = {
  slug: 'header',
  label: { en: 'Header navigation', zh: '顶部导航' },
  admin: { group: { en: 'Settings', zh: '设置' } },
  access: { read: anyone, update: canEditContent },
  hooks: { afterChange: [bumpAfterGlobalChange] },
  fields: [{ name: 'items', type: 'array', maxRows: 8, localized: true, fields: [link({ name: 'link', required: true })] }],
}
