import type { CollectionConfig } from 'payload'

import { canWorkLeads, isAdmin, nobody } from '../../access/roles'

/** Every change of a lead's score with its reason, written by the jobs worker; shown on the lead. */
export const ScoreChanges: CollectionConfig = {
  slug: 'score-changes',
  labels: { singular: { en: 'Score change', zh: '分数变化' }, plural: { en: 'Score changes', zh: '分数变化' } },
  admin: { defaultColumns: ['at', 'lead', 'points', 'reason'], group: { en: 'Leads', zh: '线索' } },
  access: { create: nobody, read: canWorkLeads, update: nobody, delete: isAdmin },
  timestamps: false,
  fields: [
    { name: 'lead', type: 'relationship', relationTo: 'leads', required: true, index: true, admin: { readOnly: true } },
    { name: 'rule', type: 'relationship', relationTo: 'scoring-rules', admin: { readOnly: true } },
    { name: 'points', type: 'number', required: true, admin: { readOnly: true } },
    { name: 'reason', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'activity', type: 'number', admin: { readOnly: true } },
    { name: 'at', type: 'date', required: true, index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    // Decay: when these points are taken back, and whether they were.
    { name: 'expiresAt', type: 'date', index: true, admin: { readOnly: true } },
    { name: 'expired', type: 'checkbox', defaultValue: false, admin: { readOnly: true } },
  ],
}
