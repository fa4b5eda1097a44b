import type { CollectionConfig } from 'payload'

import { canWorkLeads, isAdmin, nobody } from '../access/roles'

/**
 * 企业微信 "联系我" live codes made through add_contact_way: one per campaign link, and one per
 * campaign link and lead when the visitor is a known lead. `state` is what 企业微信 reports back
 * with each add (functions/wecom contact-state), so it is unique. Written only by the site.
 */
export const LiveCodes: CollectionConfig = {
  slug: 'live-codes',
  labels: { singular: { en: 'Live code', zh: '联系我活码' }, plural: { en: 'Live codes', zh: '联系我活码' } },
  admin: { useAsTitle: 'state', defaultColumns: ['state', 'campaignLink', 'lead', 'createdAt'], group: { en: 'Campaigns', zh: '推广' } },
  access: { create: nobody, read: canWorkLeads, update: nobody, delete: isAdmin },
  fields: [
    { name: 'state', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
    { name: 'campaignLink', type: 'text', required: true, index: true, admin: { readOnly: true } },
    { name: 'lead', type: 'relationship', relationTo: 'leads', index: true, admin: { readOnly: true } },
    // The 企业微信 UserIDs the code adds (one, or several in turn), as they were when it was made.
    { name: 'staff', type: 'json', admin: { readOnly: true } },
    // Kept to edit or delete the code later through 企业微信's API.
    { name: 'configId', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'qrCode', type: 'text', required: true, admin: { readOnly: true } },
  ],
}
