import type { Payload } from 'payload'

import { writeSimplePdf } from '../../functions/offers'
import type { Page } from '../payload-types'
import type { FormIds } from './forms'
import { createLocalized, type Localized } from './localized'
import type { MediaIds } from './media'

const LINES = [
  'Brands pay platforms again and again for the same customers.',
  'Every visit through a marketplace, a feed or an ad is rented.',
  '',
  '1. Make every channel an entry point to your own website.',
  '2. Offer something worth having in exchange for a form.',
  '3. Reach the people who answered again: newsletters, a welcome series, a call.',
  '4. Count each step by channel, campaign and QR code.',
  '',
  'Cinnabar Brand Partners - Shanghai',
]

/** The demo content offer: a one-page white paper PDF in the media library, offered by the landing page's form. */
export async function seedWhitePaper(payload: Payload): Promise<number> {
  const data = writeSimplePdf('Own where customers land: a white paper', LINES)
  const id = await createLocalized(
    payload,
    'media',
    {},
    { 'zh-CN': { alt: '白皮书：让客户落在你自己的官网' }, en: { alt: 'White paper: own where customers land' } },
    { data, mimetype: 'application/pdf', name: 'own-where-customers-land.pdf', size: data.length },
  )
  return id as number
}

/** The landing page that offers the white paper: a hero and the form that sends the download. */
export function whitePaperLayout(media: MediaIds, forms: FormIds): Localized<NonNullable<Page['layout']>> {
  return {
    'zh-CN': [
      {
        blockType: 'hero',
        heading: '免费白皮书：让客户落在你自己的官网',
        text: '一页读懂私域：把每个渠道变成官网的入口，用值得拥有的内容换来线索，再一次次触达他们。',
        image: media.homeHero,
      },
      {
        blockType: 'formSlot',
        heading: '留下邮箱，立即下载',
        text: '下载链接会同时发到你的邮箱，七天内有效。',
        form: forms.whitePaper,
      },
    ],
    en: [
      {
        blockType: 'hero',
        heading: 'Free white paper: own where customers land',
        text: 'Owned channels on one page: every channel a door to your website, an offer worth having, people reached again.',
        image: media.homeHero,
      },
      {
        blockType: 'formSlot',
        heading: 'Leave your email and download it at once',
        text: 'The link reaches your inbox too, valid for seven days.',
        form: forms.whitePaper,
      },
    ],
  }
}
