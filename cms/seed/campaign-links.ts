import type { Payload } from 'payload'

import { SEED_CONTEXT } from './localized'
import type { PageIds } from './pages'

/**
 * Demo campaign links, one per kind of entry point: a WeChat article, a Xiaohongshu post, a printed
 * poster's QR code and a LinkedIn post. Their codes are stable so that docs and tests can use them.
 */
export async function seedCampaignLinks(payload: Payload, pages: PageIds): Promise<void> {
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
  for (const { page, ...link } of links) {
    await payload.create({
      collection: 'campaign-links',
      data: { ...link, status: 'active', target: { kind: 'page', page } },
      depth: 0,
      context: SEED_CONTEXT,
    })
  }
}
