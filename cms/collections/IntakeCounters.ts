import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../access/roles'

/**
 * What is kept of refused submissions: a count per form, day and reason, never their content.
 * The site adds to these in batches (site/lib/intake-counters.ts).
 */
export const IntakeCounters: CollectionConfig = {
  slug: 'intake-counters',
  labels: {
    singular: { en: 'Refused submissions', zh: '被拒提交计数' },
    plural: { en: 'Refused submissions', zh: '被拒提交计数' },
  },
  admin: { defaultColumns: ['day', 'form', 'reason', 'count'], group: { en: 'Leads', zh: '线索' } },
  access: { create: nobody, read: isAdmin, update: nobody, delete: isAdmin },
  fields: [
    { name: 'day', type: 'text', required: true, index: true, admin: { description: 'YYYY-MM-DD (UTC)' } },
    { name: 'form', type: 'text', required: true },
    {
      name: 'reason',
      type: 'select',
      required: true,
      options: ['invalid', 'too-large', 'unreadable', 'wrong-type', 'unknown-form', 'rate-limited'],
    },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
  ],
}
