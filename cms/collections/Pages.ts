import type { CollectionConfig } from 'payload'

import { pageHref } from '../../functions/content/paths'
import { bodyReadable } from '../access/members'
import { publishedOrCmsUser } from '../access/publishedOrEditor'
import { canEditContent } from '../access/roles'
import { pageBlocks } from '../blocks'
import { seo } from '../fields/seo'
import { pagePath } from '../fields/slug'
import { visibility } from '../fields/visibility'
import { bumpAfterChange, bumpAfterDelete } from '../hooks/bumpContentVersion'
import { previewUrl } from '../hooks/previewUrl'
import { rebuildSearchAfterChange, rebuildSearchAfterDelete } from '../hooks/queueSearchRebuild'

/** Pages built from blocks; the page at path `home` is the home page. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: { singular: { en: 'Page', zh: '页面' }, plural: { en: 'Pages', zh: '页面' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'path', '_status', 'updatedAt'],
    group: { en: 'Content', zh: '内容' },
    preview: (doc, { locale, req }) => previewUrl(req, pageHref(String(doc.path ?? '')), locale),
  },
  access: { create: canEditContent, read: publishedOrCmsUser, update: canEditContent, delete: canEditContent },
  versions: { maxPerDoc: 50, drafts: { autosave: false, schedulePublish: true } },
  hooks: { afterChange: [bumpAfterChange, rebuildSearchAfterChange], afterDelete: [bumpAfterDelete, rebuildSearchAfterDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true },
    pagePath,
    {
      name: 'template',
      type: 'select',
      defaultValue: 'default',
      options: [
        { label: { en: 'Default', zh: '默认' }, value: 'default' },
        { label: { en: 'Landing page (no navigation)', zh: '落地页（无导航）' }, value: 'landing' },
      ],
      admin: { position: 'sidebar' },
    },
    // Localised as a whole: each language may have its own arrangement of blocks.
    { name: 'layout', type: 'blocks', blocks: pageBlocks, localized: true, access: { read: bodyReadable } },
    ...visibility,
    seo,
  ],
}
