import type { CollectionConfig } from 'payload'

import { ACTIVITY_KINDS } from '../../../functions/nurture/activity'
import { canWorkLeads, isAdmin, nobody } from '../../access/roles'

/**
 * What known people did: page views of content pages (recorded by the site in batches, for a
 * consented visitor id), submissions, downloads, email clicks and opens, sign-ups. A page view
 * belongs to nobody until its browser becomes a lead; the jobs worker scores each row once
 * (`processedAt`) under the scoring rules and starts the sequences it triggers.
 */
export const LeadActivity: CollectionConfig = {
  slug: 'lead-activity',
  labels: { singular: { en: 'Activity', zh: '行为' }, plural: { en: 'Activity', zh: '行为' } },
  admin: {
    defaultColumns: ['at', 'kind', 'path', 'categories', 'lead'],
    group: { en: 'Leads', zh: '线索' },
    description: {
      en: 'Page views, submissions, downloads and email events of known people.',
      zh: '已知访客的页面浏览、表单提交、下载与邮件事件。',
    },
  },
  access: { create: nobody, read: canWorkLeads, update: nobody, delete: isAdmin },
  timestamps: false,
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      index: true,
      options: ACTIVITY_KINDS.map((value) => ({ value, label: value })),
      admin: { readOnly: true },
    },
    { name: 'at', type: 'date', required: true, index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lead', type: 'relationship', relationTo: 'leads', index: true, admin: { readOnly: true } },
    // The browser's first-party id: how a page view read before the form finds its lead afterwards.
    { name: 'visitor', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'path', type: 'text', admin: { readOnly: true } },
    { name: 'categories', type: 'json', admin: { readOnly: true } },
    { name: 'form', type: 'text', admin: { readOnly: true } },
    { name: 'ref', type: 'text', admin: { readOnly: true } },
    { name: 'locale', type: 'text', admin: { readOnly: true } },
    // Set by the jobs worker once the row is scored and its sequences are started.
    { name: 'processedAt', type: 'date', index: true, admin: { readOnly: true } },
  ],
}
