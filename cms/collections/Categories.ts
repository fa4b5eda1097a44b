import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { canEditContent } from '../access/roles'
import { slug } from '../fields/slug'
import { bumpAfterChange, bumpAfterDelete } from '../hooks/bumpContentVersion'
import { rebuildSearchAfterCategoryChange, rebuildSearchAfterDelete } from '../hooks/queueSearchRebuild'

/** Topics that group posts; each has a listing at /blog/category/<slug>. */
export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: { en: 'Category', zh: '分类' }, plural: { en: 'Categories', zh: '分类' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug'], group: { en: 'Content', zh: '内容' } },
  access: { create: canEditContent, read: anyone, update: canEditContent, delete: canEditContent },
  hooks: { afterChange: [bumpAfterChange, rebuildSearchAfterCategoryChange], afterDelete: [bumpAfterDelete, rebuildSearchAfterDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true },
    { name: 'description', type: 'textarea', localized: true },
    slug,
  ],
}
