import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../access/roles'

/** Exports and erasures of members' and leads' data. It names a member or a lead by id only, so an erasure leaves no personal data here. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: { en: 'Audit entry', zh: '审计记录' }, plural: { en: 'Audit log', zh: '审计日志' } },
  admin: { defaultColumns: ['action', 'memberId', 'leadId', 'actor', 'at'], group: { en: 'Members', zh: '会员' } },
  access: { create: nobody, read: isAdmin, update: nobody, delete: nobody },
  timestamps: false,
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      options: ['member-data-exported', 'member-erased', 'lead-data-exported', 'lead-erased'],
      admin: { readOnly: true },
    },
    { name: 'memberId', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'leadId', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'actor', type: 'select', required: true, options: ['member', 'admin', 'sales'], admin: { readOnly: true } },
    { name: 'at', type: 'date', required: true, admin: { readOnly: true } },
    { name: 'details', type: 'json', admin: { readOnly: true } },
  ],
}
