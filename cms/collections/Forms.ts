import type { CollectionConfig } from 'payload'

import { FIELD_TYPES, FILE_KINDS, MAX_FILE_MB } from '../../functions/lead-intake/form-definition'
import { allowedWebhookHosts, webhookUrlProblem } from '../../functions/notifications/webhook-target'
import { canEditContent, isAdminField, isCmsUser } from '../access/roles'
import { bumpAfterChange, bumpAfterDelete } from '../hooks/bumpContentVersion'

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
        {
          name: 'name',
          type: 'text',
          required: true,
          validate: (v: string | null | undefined) =>
            (v && /^[a-z][a-zA-Z0-9_]{0,40}$/.test(v)) || 'Use letters, digits and _ starting with a lower-case letter, e.g. company_name',
        },
        { name: 'type', type: 'select', required: true, defaultValue: 'text', options: FIELD_TYPES.map((t) => ({ label: t, value: t })) },
        { name: 'label', type: 'text', required: true, localized: true },
        { name: 'required', type: 'checkbox' },
        { name: 'minLength', type: 'number', min: 0 },
        { name: 'maxLength', type: 'number', min: 1, max: 10000 },
        {
          name: 'pattern',
          type: 'text',
          admin: {
            description: { en: 'A regular expression the whole value must match.', zh: '整个值必须匹配的正则表达式。' },
          },
        },
        { name: 'patternMessage', type: 'text', localized: true },
        { name: 'min', type: 'number' },
        { name: 'max', type: 'number' },
        {
          name: 'options',
          type: 'array',
          fields: [
            { name: 'value', type: 'text', required: true },
            { name: 'label', type: 'text', required: true, localized: true },
          ],
        },
        { name: 'consentText', type: 'textarea', localized: true, admin: { condition: (_, row) => row?.type === 'consent' } },
        {
          name: 'fillFrom',
          type: 'text',
          admin: {
            condition: (_, row) => row?.type === 'hidden',
            description: {
              en:
                "Filled by the server from this URL parameter of the page, or from the visitor's touch: channel, source, medium, " +
                'campaign, content, term, referrer, landingPage.',
              zh: '由服务器根据页面网址的此参数或访客来源（channel、source、medium、campaign、content、term、referrer、landingPage）填写。',
            },
          },
        },
        {
          name: 'maxSizeMB',
          type: 'number',
          defaultValue: 5,
          min: 0.1,
          max: MAX_FILE_MB,
          admin: { condition: (_, row) => row?.type === 'file' },
        },
        {
          name: 'accept',
          type: 'select',
          hasMany: true,
          defaultValue: ['pdf', 'image'],
          options: FILE_KINDS.map((k) => ({ label: k, value: k })),
          admin: {
            condition: (_, row) => row?.type === 'file',
            description: { en: "Checked against the file's content, not its name.", zh: '按文件内容检查，而不是文件名。' },
          },
        },
      ],
    },
    { name: 'submitLabel', type: 'text', localized: true },
    { name: 'successMessage', type: 'textarea', localized: true },
    {
      name: 'redirect',
      type: 'relationship',
      relationTo: 'pages',
      admin: {
        description: {
          en: 'A page to send the visitor to after a successful submission (instead of the message).',
          zh: '提交成功后跳转的页面（代替提示信息）。',
        },
      },
    },
    {
      name: 'successAction',
      type: 'select',
      defaultValue: 'message',
      options: [
        { value: 'message', label: { en: 'Show the message (or go to the page)', zh: '显示提示信息（或跳转页面）' } },
        { value: 'download', label: { en: 'Send the download', zh: '发送下载' } },
      ],
      admin: {
        description: {
          en: 'Send the download: the visitor is emailed a link to the PDF, valid for seven days, and sees it at once beside the message.',
          zh: '发送下载：给访客发送 PDF 的下载链接（七天内有效），并在提示信息旁立即显示。',
        },
      },
    },
    {
      name: 'download',
      type: 'upload',
      relationTo: 'media',
      // Only PDFs: Payload checks a chosen file against these options when the form is saved.
      filterOptions: { mimeType: { equals: 'application/pdf' } },
      admin: { condition: (_, data) => data?.successAction === 'download' },
      validate: (value: unknown, { siblingData }: { siblingData?: { successAction?: string | null } }) =>
        siblingData?.successAction !== 'download' || Boolean(value) || 'Choose the PDF to send, or show the message instead.',
    },
    { name: 'defaultRecipient', type: 'email', required: true },
    {
      name: 'autoresponder',
      type: 'group',
      admin: {
        description: {
          en: 'An email to the visitor, in their language, after a submission that is not spam.',
          zh: '提交成功（非垃圾信息）后，用访客的语言发给访客的邮件。',
        },
      },
      fields: [
        { name: 'enabled', type: 'checkbox' },
        { name: 'subject', type: 'text', localized: true, admin: { condition: (_, group) => Boolean(group?.enabled) } },
        {
          name: 'body',
          type: 'textarea',
          localized: true,
          admin: {
            condition: (_, group) => Boolean(group?.enabled),
            description: { en: "{name} is replaced by the visitor's name.", zh: '{name} 会替换为访客的姓名。' },
          },
        },
      ],
    },
    {
      name: 'routing',
      type: 'array',
      admin: {
        description: {
          en: 'First matching rule wins; otherwise the default recipient.',
          zh: '按顺序匹配第一条规则；否则发送给默认收件人。',
        },
      },
      fields: [
        {
          name: 'field',
          type: 'text',
          admin: {
            description: {
              en: 'Field name to match (leave empty to match by channel).',
              zh: '要匹配的字段名（留空则按渠道匹配）。',
            },
          },
        },
        { name: 'value', type: 'text' },
        { name: 'channel', type: 'text' },
        {
          name: 'recipient',
          type: 'email',
          admin: { description: { en: 'Or name a team below, served in turn.', zh: '或在下方指定团队，轮流分配。' } },
        },
        { name: 'team', type: 'relationship', relationTo: 'teams' },
      ],
      validate: (rows: unknown) =>
        !Array.isArray(rows) ||
        rows.every((r: { recipient?: string | null; team?: unknown }) => r?.recipient || r?.team) ||
        'Each rule needs a recipient or a team.',
    },
    {
      name: 'webhook',
      type: 'group',
      // The secret signs what the CRM receives: only admins see or change it.
      access: { read: isAdminField, update: isAdminField, create: isAdminField },
      admin: {
        description: {
          en: 'Each stored submission is POSTed as JSON to this URL, signed with HMAC-SHA256 of the secret, and retried like email.',
          zh: '每条已保存的提交都会以 JSON POST 到此网址，用密钥做 HMAC-SHA256 签名，失败时像邮件一样重试。',
        },
      },
      fields: [
        // Never this machine or the private network (SSRF); the job checks again after DNS (cms/jobs/webhookRequest.ts).
        {
          name: 'url',
          type: 'text',
          validate: (v: string | null | undefined) =>
            !v || webhookUrlProblem(v, allowedWebhookHosts(process.env.WEBHOOK_ALLOW_HOSTS)) || true,
        },
        {
          name: 'secret',
          type: 'text',
          validate: (v: string | null | undefined, { siblingData }: { siblingData?: { url?: string | null } }) =>
            !siblingData?.url || (typeof v === 'string' && v.length >= 16) || 'Use a secret of at least 16 characters.',
        },
      ],
    },
    { name: 'minSecondsToSubmit', type: 'number', defaultValue: 3, min: 0, admin: { position: 'sidebar' } },
  ],
}
