import type { Payload } from 'payload'

import { updateGlobalLocalized } from './localized'
import type { MediaIds } from './media'
import { type PageIds, pageLink, urlLink } from './pages'

/** The demo brand's names, used in settings and in the seed's log. */
export const BRAND_NAME = { 'zh-CN': '朱砂品牌咨询', en: 'Cinnabar Brand Partners' } as const

/** Site settings: the brand, its logo, theme, colour and social accounts. */
export async function seedSiteSettings(payload: Payload, media: MediaIds): Promise<void> {
  await updateGlobalLocalized(
    payload,
    'site-settings',
    {
      logo: media.logo,
      defaultLocale: 'zh-CN',
      theme: 'classic',
      brandColor: '#c8102e',
      socialAccounts: [
        { channel: 'wechat', handle: '朱砂品牌咨询' },
        { channel: 'weibo', handle: '@朱砂品牌咨询', url: 'https://weibo.com/' },
        { channel: 'xiaohongshu', handle: '朱砂品牌笔记', url: 'https://www.xiaohongshu.com/' },
        { channel: 'linkedin', handle: 'Cinnabar Brand Partners', url: 'https://www.linkedin.com/' },
      ],
    },
    {
      'zh-CN': { brandName: BRAND_NAME['zh-CN'], tagline: '让顾客来到品牌自己的地方' },
      en: { brandName: BRAND_NAME.en, tagline: 'Bring customers to a place your brand owns' },
    },
  )
}

/** Header navigation and footer columns, written whole in each locale. */
export async function seedNavigation(payload: Payload, pages: PageIds): Promise<void> {
  await updateGlobalLocalized(
    payload,
    'header',
    {},
    {
      'zh-CN': {
        items: [
          { link: pageLink('首页', pages.home) },
          { link: pageLink('关于我们', pages.about) },
          { link: urlLink('洞察', '/blog') },
          { link: pageLink('联系我们', pages.contact) },
        ],
      },
      en: {
        items: [
          { link: pageLink('Home', pages.home) },
          { link: pageLink('About', pages.about) },
          { link: urlLink('Blog', '/blog') },
          { link: pageLink('Contact', pages.contact) },
        ],
      },
    },
  )

  const year = new Date().getFullYear()
  await updateGlobalLocalized(
    payload,
    'footer',
    {},
    {
      'zh-CN': {
        columns: [
          { heading: '公司', links: [{ link: pageLink('关于我们', pages.about) }, { link: pageLink('联系我们', pages.contact) }] },
          {
            heading: '洞察',
            links: [
              { link: urlLink('全部文章', '/blog') },
              { link: urlLink('私域运营', '/blog/category/private-traffic') },
              { link: urlLink('内容营销', '/blog/category/content-marketing') },
              { link: urlLink('品牌战略', '/blog/category/brand-strategy') },
            ],
          },
          { heading: '活动', links: [{ link: pageLink('春季私域启动营', pages.springLaunch) }] },
        ],
        smallPrint: `© ${year} 朱砂品牌咨询（上海）有限公司。本网站为演示内容。`,
      },
      en: {
        columns: [
          { heading: 'Company', links: [{ link: pageLink('About', pages.about) }, { link: pageLink('Contact', pages.contact) }] },
          {
            heading: 'Insights',
            links: [
              { link: urlLink('All articles', '/blog') },
              { link: urlLink('Private traffic', '/blog/category/private-traffic') },
              { link: urlLink('Content marketing', '/blog/category/content-marketing') },
              { link: urlLink('Brand strategy', '/blog/category/brand-strategy') },
            ],
          },
          { heading: 'Events', links: [{ link: pageLink('Spring workshop', pages.springLaunch) }] },
        ],
        smallPrint: `© ${year} Cinnabar Brand Partners (Shanghai) Co., Ltd. Demo content.`,
      },
    },
  )
}

/** Empties the header and footer and the settings the seed fills (brandName is required, so it stays). */
export async function resetGlobals(payload: Payload): Promise<void> {
  await updateGlobalLocalized(payload, 'header', {}, { 'zh-CN': { items: [] }, en: { items: [] } })
  await updateGlobalLocalized(payload, 'footer', {}, { 'zh-CN': { columns: [], smallPrint: null }, en: { columns: [], smallPrint: null } })
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  // A database that was never seeded has no settings row yet; writing one would need a brand name.
  if (!settings.brandName) return
  await updateGlobalLocalized(
    payload,
    'site-settings',
    { logo: null, socialAccounts: [] },
    { 'zh-CN': { tagline: null }, en: { tagline: null } },
  )
}
