// The contract between the site and a theme. The site (site/pages/[...path].astro) fetches
// content through site/lib/content.ts and hands a theme these props; a theme only renders.
// Content objects are Payload documents at depth 2 (relationships and uploads are populated),
// typed loosely here on purpose so that themes do not depend on the CMS's generated types.
import type { PageHead } from '../functions/seo'

/** An uploaded image as Payload returns it (collection `media`), with generated sizes. */
export interface MediaDoc {
  id: string | number
  alt: string
  url?: string | null
  filename?: string | null
  mimeType?: string | null
  width?: number | null
  height?: number | null
  focalX?: number | null
  focalY?: number | null
  /** Keys: webp480, avif480, webp960, avif960, webp1440, avif1440, webp1920, avif1920, card (800×500 webp), share (1200×630 jpeg). */
  sizes?: Record<
    string,
    { url?: string | null; width?: number | null; height?: number | null; mimeType?: string | null; filename?: string | null } | undefined
  >
}

/** A link field (cms/fields/link.ts) as stored: to a page of the site or to a URL. */
export interface LinkValue {
  label?: string | null
  type?: 'page' | 'url' | null
  page?: { path?: string | null; title?: string | null } | string | number | null
  url?: string | null
}

/** What every theme layout receives, besides its slot. */
export interface LayoutProps {
  /** Current locale code: 'zh-CN' or 'en'. */
  locale: string
  /** The locale served at the root. */
  defaultLocale: string
  /**
   * Everything in <head> that search engines and share cards read, resolved with fallbacks and
   * absolute URLs (functions/seo): render it with themes/shared/Head.astro. `meta.title`,
   * `meta.description`, `meta.canonical` and `meta.image` are there for a theme's own use.
   */
  meta: PageHead
  settings: {
    brandName: string
    tagline?: string | null
    logo?: MediaDoc | null
    brandColor: string
    /** Whether visitors are asked for cookie consent before they get a visitor id. */
    attribution?: { touchesNeedConsent?: boolean | null } | null
    socialAccounts?: { channel: string; handle: string; url?: string | null }[] | null
  }
  header: { items?: { link: LinkValue }[] | null }
  footer: { columns?: { heading: string; links?: { link: LinkValue }[] | null }[] | null; smallPrint?: string | null }
  /** The same content in every locale, for the language switch: [{ locale, label, href }]. */
  alternates: { locale: string; label: string; href: string }[]
  /** 'default' shows navigation; 'landing' is a campaign page without it. */
  template?: 'default' | 'landing'
  /** Shown as a bar when an editor is looking at a draft. */
  preview?: boolean
}

/** A post as listed or shown. */
export interface PostDoc {
  id: string | number
  title: string
  slug: string
  excerpt?: string | null
  coverImage?: MediaDoc | null
  body?: unknown
  categories?: { id: string | number; title: string; slug: string }[] | null
  author?: { name?: string | null } | null
  publishedAt?: string | null
  updatedAt?: string | null
  seo?: SeoFields | null
}

/** The SEO group of pages and posts (cms/fields/seo.ts). */
export interface SeoFields {
  title?: string | null
  description?: string | null
  image?: MediaDoc | null
}

/** Every page block of the CMS (cms/blocks/index.ts): each theme renders each of them (themes/theme.ts, BlockComponents). */
export const BLOCK_TYPES = [
  'hero',
  'richText',
  'mediaBlock',
  'callToAction',
  'featureCards',
  'faq',
  'testimonials',
  'latestPosts',
  'formSlot',
  'addOnWechat',
] as const
export type BlockType = (typeof BLOCK_TYPES)[number]

/** A page built from blocks. `layout` holds blocks by `blockType` (BLOCK_TYPES). */
export interface PageDoc {
  id: string | number
  title: string
  path: string
  template?: 'default' | 'landing' | null
  updatedAt?: string | null
  seo?: SeoFields | null
  layout?: ({ blockType: string; id?: string | null } & Record<string, unknown>)[] | null
}
