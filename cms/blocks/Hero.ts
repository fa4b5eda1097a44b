import type { Block } from 'payload'

import { links } from '../fields/link'

/** The first screen of a page: a heading, a line of text, an image and up to two buttons. */
export const Hero: Block = {
  slug: 'hero',
  labels: { singular: { en: 'Hero', zh: '首屏' }, plural: { en: 'Heroes', zh: '首屏' } },
  fields: [
    { name: 'heading', type: 'text', required: true },
    { name: 'text', type: 'textarea' },
    { name: 'image', type: 'upload', relationTo: 'media' },
    links({ name: 'actions', maxRows: 2 }),
  ],
}
