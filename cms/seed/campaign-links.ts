import type { Payload } from 'payload'

import { SEED_CONTEXT } from './localized'
import type { MediaIds } from './media'
import type { PageIds } from './pages'

/**
 * Demo campaign links, one per kind of entry point: a WeChat article, a Xiaohongshu post, a printed
 * poster's QR code and a LinkedIn post. Their codes are stable so that docs and tests can use them.
 */
export async function seedCampaignLinks(payload: Payload, pages: PageIds, media: MediaIds): Promise<void> {
  const links = [
    {
      code: 'wx-spring',
      title: '微信公众号文章：春季发布',
      channel: 'wechat',
      page: pages.springLaunch,
      utm: { source: 'wechat', medium: 'article', campaign: 'spring-launch' },
    },
    {
      code: 'xhs-note',
      title: '小红书笔记：私域指南',
      channel: 'xiaohongshu',
      page: pages.home,
      utm: { source: 'xiaohongshu', medium: 'social', campaign: 'owned-channels' },
    },
    {
      code: 'poster',
      title: '展会海报二维码',
      channel: 'offline',
      page: pages.springLaunch,
      utm: { source: 'poster', medium: 'qr', campaign: 'spring-launch', content: 'expo-2026' },
    },
    {
      code: 'li-launch',
      title: 'LinkedIn post: spring launch',
      channel: 'linkedin',
      page: pages.springLaunch,
      utm: { source: 'linkedin', medium: 'social', campaign: 'spring-launch' },
    },
  ] as const
  let springLink: number | null = null
  for (const { page, ...link } of links) {
    // The WeChat article's link also has a WeChat group (the logo stands in for the group's QR image).
    const groupCodes = link.code === 'wx-spring' ? [{ label: '春季私域交流群 1', image: media.logo, full: false }] : []
    const created = await payload.create({
      collection: 'campaign-links',
      data: { ...link, status: 'active', target: { kind: 'page', page }, groupCodes },
      depth: 0,
      context: SEED_CONTEXT,
    })
    if (link.code === 'wx-spring') springLink = created.id
  }
  if (springLink !== null) await addWechatBlock(payload, pages.contact, springLink)
}

/** The contact page ends with "Add us on WeChat": the spring link's group code (and its advisor's code once 企业微信 is set up). */
async function addWechatBlock(payload: Payload, page: number, campaignLink: number): Promise<void> {
  const words = {
    'zh-CN': { heading: '添加企业微信', text: '扫码加入春季私域交流群，顾问会在群里解答问题。' },
    en: { heading: 'Add us on WeChat', text: 'Scan to join the spring workshop group; our advisors answer questions there.' },
  } as const
  for (const locale of ['zh-CN', 'en'] as const) {
    const { layout } = await payload.findByID({ collection: 'pages', id: page, locale, depth: 0, context: SEED_CONTEXT })
    await payload.update({
      collection: 'pages',
      id: page,
      locale,
      depth: 0,
      context: SEED_CONTEXT,
      data: { layout: [...(layout ?? []), { blockType: 'addOnWechat', ...words[locale], campaignLink, show: 'both' }] },
    })
  }
}
