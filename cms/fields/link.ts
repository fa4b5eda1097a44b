import type { Field } from 'payload'

import { editorUrlProblem } from '../../functions/content/safe-url'

/**
 * A link an editor can point at a page of the site or at a full URL.
 * @example link({ name: 'cta' })
 */
export function link({ name = 'link', required = false }: { name?: string; required?: boolean } = {}): Field {
  return {
    name,
    type: 'group',
    fields: [
      { name: 'label', type: 'text', required },
      {
        name: 'type',
        type: 'radio',
        defaultValue: 'page',
        options: [
          { label: { en: 'Page', zh: '页面' }, value: 'page' },
          { label: { en: 'URL', zh: '网址' }, value: 'url' },
        ],
        admin: { layout: 'horizontal' },
      },
      {
        name: 'page',
        type: 'relationship',
        relationTo: 'pages',
        admin: { condition: (_, sibling) => sibling?.type === 'page' },
      },
      {
        name: 'url',
        type: 'text',
        admin: { condition: (_, sibling) => sibling?.type === 'url' },
        validate: (value: string | null | undefined, { siblingData }: { siblingData: { type?: string } }) => {
          if (siblingData?.type !== 'url' || !value) return true
          return editorUrlProblem(value) ?? true
        },
      },
    ],
  }
}

/** A list of links, such as a hero's buttons. */
export function links({ name = 'links', maxRows = 2 }: { name?: string; maxRows?: number } = {}): Field {
  return { name, type: 'array', maxRows, fields: [link({ name: 'link', required: true })] }
}
