import type { Field } from 'payload'

/**
 * Who may read a page's or post's body: everyone, signed-in members, or members of a tier and
 * above. Others see the title, excerpt and a call to sign up or upgrade (site/lib/gate.ts); the
 * body is withheld by field access (cms/access/members.ts) on every API as well.
 */
export const visibility: Field[] = [
  {
    name: 'visibility',
    type: 'select',
    required: true,
    defaultValue: 'public',
    index: true,
    options: [
      { value: 'public', label: { en: 'Everyone', zh: '所有人' } },
      { value: 'members', label: { en: 'Members', zh: '会员' } },
      { value: 'tier', label: { en: 'Members of a tier and above', zh: '指定等级及以上会员' } },
    ],
    admin: { position: 'sidebar' },
  },
  {
    name: 'minTier',
    type: 'relationship',
    relationTo: 'tiers',
    admin: { position: 'sidebar', condition: (data) => data?.visibility === 'tier' },
    validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
      siblingData?.visibility !== 'tier' || (value !== null && value !== undefined) || 'Choose the tier readers need.',
  },
]
