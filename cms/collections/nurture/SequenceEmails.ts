import type { CollectionConfig } from 'payload'

import { canWorkLeads, isAdmin, nobody } from '../../access/roles'

/** Each step's email to each person: what the step statistics count. */
export const SequenceEmails: CollectionConfig = {
  slug: 'sequence-emails',
  labels: { singular: { en: 'Sequence email', zh: '序列邮件' }, plural: { en: 'Sequence emails', zh: '序列邮件' } },
  admin: { defaultColumns: ['sequence', 'step', 'lead', 'sentAt', 'openedAt', 'clickedAt'], group: { en: 'Reach', zh: '触达' } },
  access: { create: nobody, read: canWorkLeads, update: nobody, delete: isAdmin },
  timestamps: false,
  fields: [
    { name: 'enrolment', type: 'relationship', relationTo: 'sequence-enrolments', required: true, index: true, admin: { readOnly: true } },
    { name: 'sequence', type: 'relationship', relationTo: 'sequences', required: true, index: true, admin: { readOnly: true } },
    { name: 'lead', type: 'relationship', relationTo: 'leads', index: true, admin: { readOnly: true } },
    { name: 'step', type: 'text', required: true, index: true, admin: { readOnly: true } },
    { name: 'to', type: 'text', admin: { readOnly: true } },
    { name: 'providerId', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'sentAt', type: 'date', admin: { readOnly: true } },
    { name: 'openedAt', type: 'date', admin: { readOnly: true } },
    { name: 'clickedAt', type: 'date', admin: { readOnly: true } },
  ],
}
