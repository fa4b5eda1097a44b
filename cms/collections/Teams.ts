import type { CollectionConfig } from 'payload'

import { isAdmin, isCmsUser } from '../access/roles'

/** A group of sales people that a form's routing rule serves in turn (round-robin). */
export const Teams: CollectionConfig = {
  slug: 'teams',
  labels: { singular: { en: 'Sales team', zh: '销售团队' }, plural: { en: 'Sales teams', zh: '销售团队' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'members'], group: { en: 'Leads', zh: '线索' } },
  access: { create: isAdmin, read: isCmsUser, update: isAdmin, delete: isAdmin },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'members',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      required: true,
      minRows: 1,
      filterOptions: { role: { in: ['sales', 'sales-manager'] } },
    },
    // Who is next: advanced by the jobs worker (one process), so turns are neither skipped nor repeated.
    { name: 'turn', type: 'number', defaultValue: 0, admin: { readOnly: true, position: 'sidebar' } },
  ],
}
