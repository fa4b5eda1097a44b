import type { CollectionConfig } from 'payload'

import { canWorkLeads, isAdmin, nobody } from '../access/roles'

/**
 * "Added on WeChat": each time 企业微信 reports that someone added a staff member through a live
 * code (add_external_contact), with the staff member credited and the touch it recorded. Written
 * only by the site's callback endpoint (site/pages/wecom/callback.ts).
 */
export const WechatAdds: CollectionConfig = {
  slug: 'wechat-adds',
  labels: { singular: { en: 'Added on WeChat', zh: '企业微信添加' }, plural: { en: 'Added on WeChat', zh: '企业微信添加' } },
  admin: { defaultColumns: ['at', 'staffUserId', 'campaignLink', 'lead'], group: { en: 'Leads', zh: '线索' } },
  access: { create: nobody, read: canWorkLeads, update: nobody, delete: isAdmin },
  indexes: [{ fields: ['staffUserId', 'externalUserId'], unique: true }],
  timestamps: false,
  fields: [
    { name: 'at', type: 'date', required: true, index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    // The 企业微信 UserID of the staff member who was added: the add is credited to them.
    { name: 'staffUserId', type: 'text', required: true, index: true, admin: { readOnly: true } },
    { name: 'externalUserId', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'state', type: 'text', admin: { readOnly: true } },
    { name: 'campaignLink', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'lead', type: 'relationship', relationTo: 'leads', index: true, admin: { readOnly: true } },
    { name: 'touch', type: 'relationship', relationTo: 'touches', admin: { readOnly: true } },
  ],
}
