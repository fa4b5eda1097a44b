import type { Payload } from 'payload'

import type { BrandFooter, BroadcastContent } from '../../functions/broadcasts/email'
import { mediaUrl } from '../../functions/content/links'
import { LOCALE_CODES } from '../../functions/content/locales'
import { localizedHref } from '../../functions/content/paths'
import { richTextToHtml } from '../../functions/content/rich-text'

type Locale = (typeof LOCALE_CODES)[number]
const asLocale = (value: string | null | undefined, fallback: Locale): Locale =>
  (LOCALE_CODES as readonly string[]).includes(value ?? '') ? (value as Locale) : fallback

/** What a broadcast says and how the brand signs, in every language, read once per send. */
export interface BroadcastTexts {
  defaultLocale: Locale
  contentFor(locale: string | null): { locale: Locale; content: BroadcastContent; brand: BrandFooter }
}

/** Reads the broadcast, its post and the site settings in each language, for the sender to render from. */
export async function loadBroadcastTexts(payload: Payload, id: string, topic: string, siteUrl: string): Promise<BroadcastTexts> {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true })
  const defaultLocale = asLocale(settings.defaultLocale, 'zh-CN')
  const byLocale = new Map<Locale, { locale: Locale; content: BroadcastContent; brand: BrandFooter }>()
  for (const locale of LOCALE_CODES) {
    const [doc, brand] = await Promise.all([
      payload.findByID({ collection: 'broadcasts', id, locale, depth: 2, overrideAccess: true }),
      payload.findGlobal({ slug: 'site-settings', locale, depth: 0, overrideAccess: true }),
    ])
    const post = typeof doc.post === 'object' && doc.post ? doc.post : null
    const cover = post && typeof post.coverImage === 'object' && post.coverImage ? mediaUrl(post.coverImage.filename) : null
    byLocale.set(locale, {
      locale,
      brand: {
        brandName: brand.brandName ?? '',
        postalAddress: brand.postalAddress ?? '',
        theme: settings.theme,
        brandColor: settings.brandColor,
      },
      content: {
        id: String(doc.id),
        subject: doc.subject ?? '',
        preheader: doc.preheader ?? null,
        bodyHtml: doc.body ? richTextToHtml(doc.body, { locale, defaultLocale }) : null,
        post: post
          ? {
              title: post.title ?? '',
              excerpt: post.excerpt ?? null,
              url: siteUrl + localizedHref(`/blog/${post.slug}`, locale, defaultLocale),
              imageUrl: cover ? siteUrl + cover : null,
            }
          : null,
        topic,
      },
    })
  }
  // A broadcast written in one language only goes out in that language to everyone.
  const written = [asLocale(null, defaultLocale), ...LOCALE_CODES].map((l) => byLocale.get(l)!).find((t) => t.content.subject)
  return {
    defaultLocale,
    contentFor: (locale) => {
      const texts = byLocale.get(asLocale(locale, defaultLocale))!
      return texts.content.subject || !written ? texts : written
    },
  }
}
