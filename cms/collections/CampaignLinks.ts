import type { CollectionConfig } from 'payload'

import { CHANNELS } from '../../functions/attribution/touch'
import { generateCode, isValidCode, normalizeCode } from '../../functions/links/codes'
import { redirectTargetProblem } from '../../functions/seo'
import { canEditContent, isAdminField, isCmsUser } from '../access/roles'
import { campaignLinkQr } from '../endpoints/campaignLinkQr'
import { bumpAfterChange, bumpAfterDelete } from '../hooks/bumpContentVersion'

/**
 * Short links on the brand's domain (`/go/<code>`) behind posts, ads and printed QR codes. The
 * target may change after the code is printed (活码): the site follows the stored target.
 */
export const CampaignLinks: CollectionConfig = {
  slug: 'campaign-links',
  labels: { singular: { en: 'Campaign link', zh: '活动链接' }, plural: { en: 'Campaign links', zh: '活动链接' } },
  admin: {
    useAsTitle: 'code',
    defaultColumns: ['code', 'title', 'channel', 'status', 'owner', 'updatedAt'],
    group: { en: 'Campaigns', zh: '推广' },
  },
  // Editors make them; sales people may read them (the funnel names them); the site reads them as itself.
  access: { create: canEditContent, read: isCmsUser, update: canEditContent, delete: canEditContent },
  // The site caches links per content stamp: a changed target is followed within seconds.
  hooks: {
    beforeValidate: [
      ({ data }) =>
        data && !data.code ? { ...data, code: generateCode() } : data ? { ...data, code: normalizeCode(data.code) ?? data.code } : data,
    ],
    afterChange: [bumpAfterChange],
    afterDelete: [bumpAfterDelete],
  },
  endpoints: [campaignLinkQr],
  fields: [
    {
      name: 'code',
      type: 'text',
      unique: true,
      index: true,
      validate: (value: string | null | undefined) =>
        isValidCode(value) || 'Use 2 to 32 lowercase letters, digits and dashes, not a reserved word.',
      admin: {
        description: { en: 'The link is /go/<code>. Left empty, one is generated.', zh: '链接为 /go/<code>；留空则自动生成。' },
      },
    },
    { name: 'title', type: 'text', required: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: [
        { value: 'active', label: { en: 'Active', zh: '启用' } },
        { value: 'archived', label: { en: 'Archived (goes to the fallback page)', zh: '已归档（跳转到备用页面）' } },
      ],
      admin: { position: 'sidebar' },
    },
    { name: 'qr', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/CampaignLinkQr#CampaignLinkQr' } } },
    {
      name: 'target',
      type: 'group',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'page',
          options: ['page', 'post', 'url'].map((value) => ({ value, label: value })),
        },
        { name: 'page', type: 'relationship', relationTo: 'pages', admin: { condition: (_, sibling) => sibling?.kind === 'page' } },
        { name: 'post', type: 'relationship', relationTo: 'posts', admin: { condition: (_, sibling) => sibling?.kind === 'post' } },
        {
          name: 'url',
          type: 'text',
          // The site follows it only as http(s) on the site (or off it with the admin's flag): see safeRedirectTarget.
          validate: (value: string | null | undefined, { siblingData }: { siblingData: { kind?: string } }) => {
            if (siblingData?.kind !== 'url') return true
            if (!value) return 'Give the path (such as /spring) or the full URL (https://…) to send visitors to.'
            return redirectTargetProblem(value) ?? true
          },
          admin: {
            condition: (_, sibling) => sibling?.kind === 'url',
            description: {
              en: 'A path or full URL on the brand site; other sites only with "Allow off-site".',
              zh: '本站路径或完整网址；站外网址需勾选“允许站外”。',
            },
          },
        },
        {
          name: 'allowOffsite',
          type: 'checkbox',
          defaultValue: false,
          // Only admins may send the brand's domain elsewhere: an editor's link must not become an open redirect.
          access: { create: isAdminField, update: isAdminField },
        },
      ],
    },
    {
      name: 'utm',
      type: 'group',
      label: 'UTM',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'source', type: 'text' },
            { name: 'medium', type: 'text' },
            { name: 'campaign', type: 'text' },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'content', type: 'text' },
            { name: 'term', type: 'text' },
          ],
        },
      ],
    },
    { name: 'channel', type: 'select', options: CHANNELS.map((value) => ({ value, label: value })), admin: { position: 'sidebar' } },
    { name: 'owner', type: 'relationship', relationTo: 'users', admin: { position: 'sidebar' } },
    {
      name: 'liveCodeStaff',
      type: 'text',
      // 企业微信 UserIDs are letters, digits, '_', '-', '.', '@' (up to 64): a list of them, nothing else.
      validate: (value: string | null | undefined) =>
        !value ||
        /^\s*[A-Za-z0-9_.@-]{1,64}(\s*,\s*[A-Za-z0-9_.@-]{1,64}){0,99}\s*$/.test(value) ||
        'List 企业微信 UserIDs separated by commas.',
      admin: {
        position: 'sidebar',
        description: {
          en:
            '企业微信 "Contact me" live code at /wecom/live-code/<code>: the UserID of one advisor, or several separated by commas ' +
            '(they take turns).',
          zh: '企业微信「联系我」活码（/wecom/live-code/<code>）：一位成员的 UserID，或多位（以逗号分隔，轮流接待）。',
        },
      },
    },
    {
      name: 'groupCodes',
      type: 'array',
      labels: {
        singular: { en: 'WeChat group code', zh: '微信群二维码' },
        plural: { en: 'WeChat group codes', zh: '微信群二维码' },
      },
      admin: {
        description: {
          en:
            'WeChat group QR images in order. /wecom/group-code/<code> shows the first group not marked full; tick "Full" ' +
            'when a group reaches its limit and the next one is shown.',
          zh: '按顺序排列的微信群二维码。/wecom/group-code/<code> 显示第一个未满的群；群满时勾选“已满”，即改为显示下一个群。',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text' },
            { name: 'full', type: 'checkbox', defaultValue: false },
          ],
        },
        { name: 'image', type: 'upload', relationTo: 'media', required: true },
        // Counted by the site on each scan (bots left out), never typed: an editor's save (which
        // carries the count the form loaded) must not write back over the scans counted since.
        { name: 'scans', type: 'number', defaultValue: 0, access: { create: () => false, update: () => false }, admin: { readOnly: true } },
      ],
    },
    { name: 'notes', type: 'textarea' },
  ],
}
