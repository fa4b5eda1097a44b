import type { CollectionConfig } from 'payload'

import { membersDataReader } from '../../access/members'
import { nobody } from '../../access/roles'

/** Every subscription change of every member, appended by the site and never edited (functions/members consent-log). */
export const ConsentLog: CollectionConfig = {
  slug: 'consent-log',
  labels: { singular: { en: 'Consent entry', zh: '订阅记录' }, plural: { en: 'Consent log', zh: '订阅记录' } },
  admin: { defaultColumns: ['member', 'topic', 'subscribed', 'source', 'at'], group: { en: 'Members', zh: '会员' } },
  access: { create: nobody, read: membersDataReader, update: nobody, delete: nobody },
  timestamps: false,
  fields: [
    { name: 'member', type: 'relationship', relationTo: 'members', required: true, index: true, admin: { readOnly: true } },
    { name: 'topic', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'subscribed', type: 'checkbox', required: true, admin: { readOnly: true } },
    {
      name: 'source',
      type: 'select',
      required: true,
      options: ['account-page', 'email-link', 'sign-up', 'admin'],
      admin: { readOnly: true },
    },
    { name: 'at', type: 'date', required: true, index: true, admin: { readOnly: true } },
  ],
}
