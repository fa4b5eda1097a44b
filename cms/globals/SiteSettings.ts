import type { GlobalConfig } from 'payload'

import { isBrandColor } from '../../functions/content/brand-color'
import { LOCALES } from '../../functions/content/locales'
import { editorUrlProblem } from '../../functions/content/safe-url'
import { THEME_LABELS, THEMES } from '../../functions/content/themes'
import { anyone } from '../access/anyone'
import { canEditContent } from '../access/roles'
import { bumpAfterGlobalChange } from '../hooks/bumpContentVersion'

/** The brand: its name, logo, language, theme, colour and social accounts. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: { en: 'Site settings', zh: '站点设置' },
  admin: { group: { en: 'Settings', zh: '设置' } },
  access: { read: anyone, update: canEditContent },
  hooks: { afterChange: [bumpAfterGlobalChange] },
  fields: [
    { name: 'brandName', type: 'text', required: true, localized: true },
    { name: 'tagline', type: 'text', localized: true },
    { name: 'logo', type: 'upload', relationTo: 'media' },
    // Every bulk email must say where the sender is (CAN-SPAM, and what mailbox providers expect): broadcasts print it.
    {
      name: 'postalAddress',
      type: 'textarea',
      localized: true,
      admin: {
        description: {
          en: 'The brand’s postal address, printed at the foot of every newsletter.',
          zh: '品牌的通信地址，印在每封通讯的页脚。',
        },
      },
    },
    {
      name: 'defaultLocale',
      type: 'select',
      required: true,
      defaultValue: 'zh-CN',
      options: LOCALES.map((l) => ({ label: l.label, value: l.code })),
      admin: {
        description: {
          en: 'Served at the root of the site; other languages live under a prefix such as /en/.',
          zh: '在网站根路径提供；其他语言位于前缀下，如 /en/。',
        },
      },
    },
    {
      name: 'theme',
      type: 'select',
      required: true,
      defaultValue: THEMES[0],
      options: THEMES.map((value) => ({ label: THEME_LABELS[value], value })),
      admin: {
        description: {
          en: 'How the whole site looks; visitors see a change within seconds.',
          zh: '整个网站的外观；保存后几秒内访客即可看到。',
        },
      },
    },
    {
      name: 'brandColor',
      type: 'text',
      required: true,
      defaultValue: '#c8102e',
      validate: (value: string | null | undefined) => (value && isBrandColor(value)) || 'Use a hex colour such as #c8102e',
    },
    {
      name: 'attribution',
      type: 'group',
      label: { en: 'Attribution', zh: '来源追踪' },
      fields: [
        {
          name: 'touchesNeedConsent',
          type: 'checkbox',
          defaultValue: false,
          admin: {
            description: {
              en:
                'Ask visitors for cookie consent before giving them a visitor id; without it, ' +
                'a touch is kept only on the submission itself.',
              zh: '在设置访客标识前征求 Cookie 同意；未同意时来源仅记录在提交本身。',
            },
          },
        },
        {
          name: 'campaignLinkFallback',
          type: 'relationship',
          relationTo: 'pages',
          admin: {
            description: {
              en: 'Where archived campaign links go (the home page when empty).',
              zh: '已归档活动链接的跳转页面（留空则为首页）。',
            },
          },
        },
      ],
    },
    {
      name: 'socialAccounts',
      type: 'array',
      fields: [
        {
          name: 'channel',
          type: 'select',
          required: true,
          options: ['wechat', 'weibo', 'douyin', 'xiaohongshu', 'bilibili', 'zhihu', 'linkedin', 'x'].map((value) => ({
            label: value,
            value,
          })),
        },
        { name: 'handle', type: 'text', required: true },
        // Rendered as a link in every page's footer: the same allow-list as rendering (no javascript:).
        { name: 'url', type: 'text', validate: (value: string | null | undefined) => editorUrlProblem(value) ?? true },
      ],
    },
  ],
}
