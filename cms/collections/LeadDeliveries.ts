import type { CollectionConfig } from 'payload'

import { canWorkLeads, isAdmin, nobody } from '../access/roles'

/**
 * One row per attempt at delivering a lead's sales email, autoresponder or webhook, written by the
 * jobs worker in one insert (cms/jobs/deliveries.ts). A row of its own, not an entry in an array on
 * the lead: an array is read, changed and written back whole, so two jobs of one lead failing at the
 * same moment (or a sales person saving the lead meanwhile) would overwrite each other's entry.
 * The lead shows its rows (the `deliveries` join in ./Leads.ts).
 */
export const LeadDeliveries: CollectionConfig = {
  slug: 'lead-deliveries',
  labels: { singular: { en: 'Delivery attempt', zh: '投递尝试' }, plural: { en: 'Delivery attempts', zh: '投递尝试' } },
  admin: { defaultColumns: ['lead', 'kind', 'status', 'to', 'reason', 'at'], group: { en: 'Leads', zh: '线索' }, useAsTitle: 'kind' },
  access: { create: nobody, read: canWorkLeads, update: nobody, delete: isAdmin },
  timestamps: false,
  defaultSort: '-at',
  fields: [
    { name: 'lead', type: 'relationship', relationTo: 'leads', required: true, index: true, admin: { readOnly: true } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: ['sales email', 'autoresponder', 'webhook', 'download'],
      admin: { readOnly: true },
    },
    { name: 'status', type: 'select', required: true, options: ['sent', 'failed'], admin: { readOnly: true } },
    { name: 'to', type: 'text', admin: { readOnly: true } },
    { name: 'providerId', type: 'text', admin: { readOnly: true } },
    { name: 'reason', type: 'text', admin: { readOnly: true } },
    // The job that made the attempt, so an admin can find it in /admin/jobs.
    { name: 'job', type: 'text', admin: { readOnly: true } },
    { name: 'at', type: 'date', required: true, index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
