import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../access/roles'

/**
 * Mail (and texts) that would have been sent without RESEND_API_KEY (or SMS credentials): kept here so that a new install loses nothing.
 */
export const Outbox: CollectionConfig = {
  slug: 'outbox',
  labels: { singular: { en: 'Outbox email', zh: '待发邮件' }, plural: { en: 'Outbox', zh: '发件箱' } },
  admin: { useAsTitle: 'subject', defaultColumns: ['kind', 'to', 'subject', 'createdAt'], group: { en: 'Settings', zh: '设置' } },
  access: { create: nobody, read: isAdmin, update: nobody, delete: isAdmin },
  fields: [
    // A text's recipient is the number in E.164 and its body is `text`.
    { name: 'kind', type: 'select', defaultValue: 'email', options: ['email', 'sms'], index: true },
    { name: 'to', type: 'text', required: true },
    { name: 'from', type: 'text' },
    { name: 'replyTo', type: 'text' },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea' },
    { name: 'html', type: 'code', admin: { language: 'html' } },
    // A broadcast's batch written here again after its worker was killed finds its emails by this key
    // (the batch's Idempotency-Key and the email's place in it) instead of writing them twice.
    { name: 'idempotencyKey', type: 'text', unique: true, index: true, admin: { readOnly: true } },
  ],
}
