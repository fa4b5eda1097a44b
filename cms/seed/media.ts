import type { Payload } from 'payload'

import { BRAND, type ImageSpec, renderBanner, renderLogo, type SeedFile } from './images'
import { createLocalized, type Localized } from './localized'

/** The demo images, by the key content refers to them with. */
const BANNERS = {
  homeHero: {
    spec: {
      name: 'home-hero',
      kicker: 'Cinnabar Brand Partners',
      title: 'Own where customers land',
      palette: [BRAND.red, BRAND.deepRed, BRAND.gold],
      motif: 'circles',
    },
    alt: {
      'zh-CN': '朱砂红渐变背景上的圆形图案与标语“Own where customers land”',
      en: 'Circles on a cinnabar-red gradient with the line “Own where customers land”',
    },
  },
  aboutHero: {
    spec: {
      name: 'about-hero',
      kicker: 'Shanghai · since 2014',
      title: 'Brands that own their audience',
      palette: [BRAND.ink, BRAND.slate, BRAND.red],
      motif: 'arcs',
    },
    alt: {
      'zh-CN': '深蓝背景上的同心圆弧，一道朱砂红弧线居中',
      en: 'Concentric arcs on deep blue, one of them in cinnabar red',
    },
  },
  studio: {
    spec: {
      name: 'studio-method',
      kicker: 'Method',
      title: 'Strategy · Content · Channels',
      palette: [BRAND.teal, BRAND.ink, BRAND.gold],
      motif: 'grid',
    },
    alt: {
      'zh-CN': '青绿到深蓝的渐变上排列的方块，象征朱砂的工作方法',
      en: 'A grid of squares on a teal-to-navy gradient, standing for Cinnabar’s method',
    },
  },
  springLaunch: {
    spec: {
      name: 'spring-launch',
      kicker: 'Spring launch workshop',
      title: 'Your owned channel in 30 days',
      palette: [BRAND.red, BRAND.gold, BRAND.ink],
      motif: 'waves',
    },
    alt: {
      'zh-CN': '红金渐变上的波浪线：春季私域启动营',
      en: 'Waves on a red-to-gold gradient: the spring owned-channel workshop',
    },
  },
  coverOwned: {
    spec: {
      name: 'cover-owned-channels',
      kicker: 'Private traffic',
      title: 'A home, not a pool',
      palette: [BRAND.deepRed, BRAND.ink, BRAND.gold],
      motif: 'circles',
    },
    alt: {
      'zh-CN': '深红与深蓝的渐变上的圆形：私域是品牌的家',
      en: 'Circles on a deep red and navy gradient: owned channels as a home',
    },
  },
  coverQr: {
    spec: {
      name: 'cover-qr-codes',
      kicker: 'Attribution',
      title: 'Every scan counts',
      palette: [BRAND.ink, BRAND.teal, BRAND.red],
      motif: 'grid',
    },
    alt: { 'zh-CN': '像二维码一样排列的方块，其中几块为红色', en: 'Squares arranged like a QR code, a few of them red' },
  },
  coverCalendar: {
    spec: {
      name: 'cover-content-calendar',
      kicker: 'Content marketing',
      title: '48 articles a year',
      palette: [BRAND.teal, BRAND.slate, BRAND.gold],
      motif: 'bars',
    },
    alt: {
      'zh-CN': '逐月升高的柱状图，象征内容日历的节奏',
      en: 'Bars rising month by month, the rhythm of a content calendar',
    },
  },
  coverFormats: {
    spec: {
      name: 'cover-one-article',
      kicker: 'Content marketing',
      title: 'One article, ten formats',
      palette: [BRAND.red, BRAND.slate, BRAND.sand],
      motif: 'waves',
    },
    alt: {
      'zh-CN': '从一点展开的多条波浪线：一篇文章，多种形态',
      en: 'Several waves spreading from one point: one article, many formats',
    },
  },
  coverValue: {
    spec: {
      name: 'cover-brand-value',
      kicker: 'Brand strategy',
      title: 'Brand value, in numbers',
      palette: [BRAND.ink, BRAND.deepRed, BRAND.gold],
      motif: 'bars',
    },
    alt: {
      'zh-CN': '深色背景上的柱状图，最高一根为金色：品牌价值的数字',
      en: 'A bar chart on a dark background, the tallest bar gold: brand value in numbers',
    },
  },
  coverAttribution: {
    spec: {
      name: 'cover-first-last-touch',
      kicker: 'Measurement',
      title: 'First touch, last touch',
      palette: [BRAND.slate, BRAND.teal, BRAND.red],
      motif: 'arcs',
    },
    alt: {
      'zh-CN': '两端相连的弧线，象征首次触点与最后触点',
      en: 'Arcs joining two ends, for first touch and last touch',
    },
  },
} satisfies Record<string, { spec: ImageSpec; alt: Localized<string> }>

export type MediaKey = keyof typeof BANNERS | 'logo'

/** The ids of the uploaded demo images, by key. */
export type MediaIds = Record<MediaKey, number>

/**
 * Renders the demo images and uploads them one at a time (Payload generates the WebP and AVIF sizes
 * of each upload with sharp; in parallel they would only fight over the same two cores).
 */
export async function seedMedia(payload: Payload): Promise<MediaIds> {
  const entries: [MediaKey, Promise<SeedFile>, Localized<string>][] = [
    [
      'logo',
      renderLogo(),
      {
        'zh-CN': '朱砂品牌咨询的标志：红色印章中的圆点',
        en: 'The Cinnabar Brand Partners logo: a dot inside a red seal',
      },
    ],
    ...Object.entries(BANNERS).map(([key, { spec, alt }]): [MediaKey, Promise<SeedFile>, Localized<string>] => [
      key as MediaKey,
      renderBanner(spec as ImageSpec),
      alt,
    ]),
  ]
  const ids = {} as MediaIds
  for (const [key, file, alt] of entries) {
    const { 'zh-CN': zh, en } = alt
    ids[key] = (await createLocalized(payload, 'media', {}, { 'zh-CN': { alt: zh }, en: { alt: en } }, await file)) as number
  }
  return ids
}
