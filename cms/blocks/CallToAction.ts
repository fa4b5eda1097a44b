import type { Block } from 'payload'

import { links } from '../fields/link'

/** A band asking the visitor to act, with up to two buttons. */
export const CallToAction: Block = {
  slug: 'callToAction',
  labels: { singular: { en: 'Call to action', zh: '行动号召' }, plural: { en: 'Calls to action', zh: '行动号召' } },
  fields: [{ name: 'heading', type: 'text', required: true }, { name: 'text', type: 'textarea' }, links({ name: 'actions', maxRows: 2 })],
}
