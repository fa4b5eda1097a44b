import type { CollectionConfig } from 'payload'

import { CHANNELS } from '../../functions/attribution/touch'
import { canWorkLeads, isAdmin, nobody } from '../access/roles'
import { exportCsv } from '../endpoints/exportCsv'

/**
 * Every arrival from a channel, recorded by the site server-side (site/lib/arrivals.ts), never
 * through the API. A visitor's first touch is their earliest row; a lead's touches are the rows
 * of the browsers it submitted from.
 */
export const Touches: CollectionConfig = {
  slug: 'touches',
  labels: { singular: { en: 'Touch', zh: '触点' }, plural: { en: 'Touches', zh: '触点' } },
  admin: {
    defaultColumns: ['at', 'channel', 'source', 'campaign', 'campaignLink', 'landingPage', 'lead'],
    group: { en: 'Leads', zh: '线索' },
  },
  access: { create: nobody, read: canWorkLeads, update: nobody, delete: isAdmin },
  endpoints: [
    exportCsv(
      'touches',
      [
        'id',
        'at',
        'channel',
        'source',
        'medium',
        'campaign',
        'content',
        'term',
        'referrer',
        'landingPage',
        'campaignLink',
        'referralCode',
        'lead',
      ].map((key) => ({ key, header: key })),
    ),
  ],
  timestamps: false,
  fields: [
    // The first-party visitor id from the browser's cookie; not a person until a submission links it.
    { name: 'visitor', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'at', type: 'date', required: true, index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'channel',
      type: 'select',
      required: true,
      index: true,
      options: CHANNELS.map((value) => ({ value, label: value })),
      admin: { readOnly: true },
    },
    { name: 'source', type: 'text', admin: { readOnly: true } },
    { name: 'medium', type: 'text', admin: { readOnly: true } },
    { name: 'campaign', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'content', type: 'text', admin: { readOnly: true } },
    { name: 'term', type: 'text', admin: { readOnly: true } },
    { name: 'referrer', type: 'text', admin: { readOnly: true } },
    { name: 'landingPage', type: 'text', admin: { readOnly: true } },
    {
      name: 'campaignLink',
      type: 'text',
      index: true,
      admin: {
        readOnly: true,
        description: { en: 'The code of the campaign link (/go/<code>).', zh: '活动链接（/go/<code>）的代码。' },
      },
    },
    { name: 'referralCode', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'lead', type: 'relationship', relationTo: 'leads', index: true, admin: { readOnly: true } },
  ],
}
