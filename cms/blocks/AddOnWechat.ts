import type { Block } from 'payload'

/**
 * "Add us on WeChat": the 企业微信 contact code and/or the WeChat group code of a campaign link,
 * on a page. The page stays cacheable: the block shows /wecom/live-code/<code> and
 * /wecom/group-code/<code>, which make the per-visitor code and count the scan.
 */
export const AddOnWechat: Block = {
  slug: 'addOnWechat',
  labels: { singular: { en: 'Add us on WeChat', zh: '添加企业微信' }, plural: { en: 'Add us on WeChat', zh: '添加企业微信' } },
  fields: [
    { name: 'heading', type: 'text' },
    { name: 'text', type: 'textarea' },
    {
      name: 'campaignLink',
      type: 'relationship',
      relationTo: 'campaign-links',
      required: true,
      admin: {
        description: {
          en:
            'Its 企业微信 advisors give the contact code, its WeChat groups the group code; ' +
            'adds and scans count for this link in the funnel.',
          zh: '该链接的企业微信成员提供「联系我」活码，其微信群提供群二维码；添加与扫码计入该链接的漏斗。',
        },
      },
    },
    {
      name: 'show',
      type: 'select',
      defaultValue: 'contact',
      required: true,
      options: [
        { value: 'contact', label: { en: 'Contact code (add an advisor)', zh: '联系我活码（添加顾问）' } },
        { value: 'group', label: { en: 'Group code (join the group)', zh: '群二维码（加入群聊）' } },
        { value: 'both', label: { en: 'Both', zh: '两者都显示' } },
      ],
    },
  ],
}
