import type { Block } from 'payload'

/** The newest published posts, optionally from one category. */
export const LatestPosts: Block = {
  slug: 'latestPosts',
  labels: { singular: { en: 'Latest posts', zh: '最新文章' }, plural: { en: 'Latest posts', zh: '最新文章' } },
  fields: [
    { name: 'heading', type: 'text' },
    { name: 'limit', type: 'number', defaultValue: 3, min: 1, max: 12, required: true },
    { name: 'category', type: 'relationship', relationTo: 'categories' },
  ],
}
