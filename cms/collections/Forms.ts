import type { CollectionConfig } from 'payload'

import { canEditContent, isCmsUser } from '../access/roles'
import { bumpAfterChange, bumpAfterDelete } from '../hooks/bumpContentVersion'
import { FIELD_TYPES } from '../../functions/lead-intake/form-definition'

/** Lead forms editors build; the form block places one on any page. */
export const Forms: CollectionConfig = {
  slug: 'forms',
  labels: { singular: { en: 'Form', zh: '表单' }, plural: { en: 'Forms', zh: '表单' } },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'defaultRecipient', 'updatedAt'], group: { en: 'Leads', zh: '线索' } },
  // Definitions hold routing addresses: CMS users only; the site reads them through the Local API.
  access: { create: canEditContent, read: isCmsUser, update: canEditContent, delete: canEditContent },
  hooks: { afterChange: [bumpAfterChange], afterDelete: [bumpAfterDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    {
      name: 'fields',
      type: 'array',
      minRows: 1,
      fields: [
        { name: 'name', type: 'text', required: true, validate: (v: string | null | undefined) => (v && /^[a-z][a-zA-Z0-9_]{0,40}$/.test(v)) || 'Use letters, digits and _ starting with a lower-case letter, e.g. company_name' },
        { name: 'type', type: 'select', required: true, defaultValue: 'text', options: FIELD_TYPES.map((t) => ({ label: t, value: t })) },
        { name: 'label', type: 'text', required: true, localized: true },
        { name: 'required', type: 'checkbox' },
        { name: 'minLength', type: 'number', min: 0 },
        { name: 'maxLength', type: 'number', min: 1, max: 10000 },
        { name: 'pattern', type: 'text', admin: { description: { en: 'A regular expression the whole value must match.', zh: '整个值必须匹配的正则表达式。' } } },
        { name: 'patternMessage', type: 'text', localized: true },
        { name: 'min', type: 'number' },
        { name: 'max', type: 'number' },
        { name: 'options', type: 'array', fields: [{ name: 'value', type: 'text', required: true }, { name: 'label', type: 'text', required: true, localized: true }] },
        { name: 'consentText', type: 'textarea', localized: true },
      ],
    },
    { name: 'submitLabel', type: 'text', localized: true },
    { name: 'successMessage', type: 'textarea', localized: true },
    { name: 'redirect', type: 'relationship', relationTo: 'pages', admin: { description: { en: 'A page to send the visitor to after a successful submission (instead of the message).', zh: '提交成功后跳转的页面（代替提示信息）。' } } },
    { name: 'defaultRecipient', type: 'email', required: true },
    {
      name: 'routing',
      type: 'array',
      admin: { description: { en: 'First matching rule wins; otherwise the default recipient.', zh: '按顺序匹配第一条规则；否则发送给默认收件人。' } },
      fields: [
        { name: 'field', type: 'text', admin: { description: { en: 'Field name to match (leave empty to match by channel).', zh: '要匹配的字段名（留空则按渠道匹配）。' } } },
        { name: 'value', type: 'text' },
        { name: 'channel', type: 'text' },
        { name: 'recipient', type: 'email', required: true },
      ],
    },
    { name: 'minSecondsToSubmit', type: 'number', defaultValue: 3, min: 0, admin: { position: 'sidebar' } },
  ],
}
