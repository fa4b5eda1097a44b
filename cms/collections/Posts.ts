import type { CollectionConfig } from 'payload'

import { bodyReadable } from '../access/members'
import { publishedOrCmsUser } from '../access/publishedOrEditor'
import { canEditContent } from '../access/roles'
import { seo } from '../fields/seo'
import { slug } from '../fields/slug'
import { visibility } from '../fields/visibility'
import { bumpAfterChange, bumpAfterDelete } from '../hooks/bumpContentVersion'
import { previewUrl } from '../hooks/previewUrl'
import { rebuildSearchAfterChange, rebuildSearchAfterDelete } from '../hooks/queueSearchRebuild'

/** Articles of the brand's blog, listed at /blog and shown at /blog/<slug>. */
export const Posts: CollectionConfig = {
  slug: 'posts',
  labels: { singular: { en: 'Post', zh: '文章' }, plural: { en: 'Posts', zh: '文章' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'publishedAt', '_status'],
    group: { en: 'Content', zh: '内容' },
    preview: (doc, { locale, req }) => previewUrl(req, `/blog/${String(doc.slug ?? '')}`, locale),
  },
  access: { create: canEditContent, read: publishedOrCmsUser, update: canEditContent, delete: canEditContent },
  versions: { maxPerDoc: 50, drafts: { autosave: false, schedulePublish: true } },
  defaultSort: '-publishedAt',
  hooks: {
    beforeChange: [
      // A post published without a date gets the moment it was published, so lists sort right.
      ({ data }) => {
        if (data._status === 'published' && !data.publishedAt) data.publishedAt = new Date().toISOString()
        return data
      },
    ],
    afterChange: [bumpAfterChange, rebuildSearchAfterChange],
    afterDelete: [bumpAfterDelete, rebuildSearchAfterDelete],
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true },
    slug,
    { name: 'excerpt', type: 'textarea', localized: true, maxLength: 300 },
    { name: 'coverImage', type: 'upload', relationTo: 'media' },
    { name: 'body', type: 'richText', localized: true, access: { read: bodyReadable } },
    ...visibility,
    { name: 'categories', type: 'relationship', relationTo: 'categories', hasMany: true, admin: { position: 'sidebar' } },
    { name: 'author', type: 'relationship', relationTo: 'users', admin: { position: 'sidebar' } },
    { name: 'publishedAt', type: 'date', index: true, admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    seo,
  ],
}
