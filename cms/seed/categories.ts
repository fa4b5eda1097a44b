import type { Payload } from 'payload'

import { createLocalized, type Localized } from './localized'

/** The demo blog's topics; posts.ts refers to them by slug. */
export const CATEGORIES = [
  {
    slug: 'private-traffic',
    title: { 'zh-CN': '私域运营', en: 'Private traffic' },
    description: {
      'zh-CN': '把公众号、社群、小红书和线下物料上的关注者，带回品牌自己的官网和数据库。',
      en: 'Bringing followers from WeChat, communities, Xiaohongshu and print back to the brand’s own site and database.',
    },
  },
  {
    slug: 'content-marketing',
    title: { 'zh-CN': '内容营销', en: 'Content marketing' },
    description: {
      'zh-CN': '有计划、可复用、能带来线索的内容，而不是凭灵感的发帖。',
      en: 'Content that is planned, reused and brings in leads, rather than posting on inspiration.',
    },
  },
  {
    slug: 'brand-strategy',
    title: { 'zh-CN': '品牌战略', en: 'Brand strategy' },
    description: {
      'zh-CN': '定位、品牌价值与衡量：让品牌成为销售团队手里的资产。',
      en: 'Positioning, brand value and measurement: making the brand an asset the sales team can use.',
    },
  },
] as const satisfies readonly { slug: string; title: Localized<string>; description: Localized<string> }[]

export type CategorySlug = (typeof CATEGORIES)[number]['slug']

/** Creates the categories; returns their ids by slug. */
export async function seedCategories(payload: Payload): Promise<Record<CategorySlug, number>> {
  const ids = {} as Record<CategorySlug, number>
  for (const { slug, title, description } of CATEGORIES) {
    ids[slug] = (await createLocalized(
      payload,
      'categories',
      { slug },
      {
        'zh-CN': { title: title['zh-CN'], description: description['zh-CN'] },
        en: { title: title.en, description: description.en },
      },
    )) as number
  }
  return ids
}
