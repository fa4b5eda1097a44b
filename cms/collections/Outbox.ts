import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../access/roles'

/** Mail that would have been sent without RESEND_API_KEY: kept here so that a new install loses nothing. */
export const Outbox: CollectionConfig = {
  slug: 'outbox',
  labels: { singular: { en: 'Outbox email', zh: '待发邮件' }, plural: { en: 'Outbox', zh: '发件箱' } },
  admin: { useAsTitle: 'subject', defaultColumns: ['to', 'subject', 'createdAt'], group: { en: 'Settings', zh: '设置' } },
  access: { create: nobody, read: isAdmin, update: nobody, delete: isAdmin },
  fields: [
    { name: 'to', type: 'text', required: true },
    { name: 'from', type: 'text' },
    { name: 'replyTo', type: 'text' },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea' },
    { name: 'html', type: 'code', admin: { language: 'html' } },
  ],
}
