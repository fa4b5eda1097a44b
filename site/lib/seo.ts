// What a page tells search engines and share cards, built by functions/seo from the resolved view.
import { siteUrl } from '../../cms/environment'
import { mediaUrl } from '../../functions/content/links'
import { localePrefix, localizedHref } from '../../functions/content/paths'
import type { Route } from '../../functions/content/routes'
import {
  type Crumb,
  firstText,
  type PageHead,
  pageHead,
  type ShareImage,
  type ShareImageInput,
  shareImageKey,
  shareImagePath,
} from '../../functions/seo'
import { searchTitle } from '../../themes/shared/search-view'
import type { MediaDoc } from '../../themes/types'
import type { Frame } from './content'
import { canRenderCjk } from './share-image'
import { localePrefixes, siteIndex } from './site-index'
import type { View } from './view'

const WORDS: Record<string, { home: string; blog: string }> = {
  'zh-CN': { home: '首页', blog: '博客' },
  en: { home: 'Home', blog: 'Blog' },
}

/** The brand settings a share image needs. */
type BrandSettings = Pick<Frame['settings'], 'brandName' | 'tagline' | 'brandColor'>

/** The host shown on generated share images. */
const siteHost = new URL(siteUrl).host

/** Everything the head of one rendered URL depends on. */
export interface HeadContext {
  view: View
  route: Route
  /** The route's path in the default locale's form (`/blog/launch`), or null for a 404. */
  basePath: string | null
  locale: string
  defaultLocale: string
  settings: Frame['settings']
  stamp: string | null
  preview: boolean
}

function imageOf(media: MediaDoc | null | undefined): ShareImage | null {
  if (!media || typeof media !== 'object') return null
  const share = media.sizes?.share
  const url = mediaUrl(share?.filename) ?? mediaUrl(media.filename)
  if (!url) return null
  const sized = share?.filename ? share : media
  return { url, width: sized.width, height: sized.height, type: sized.mimeType, alt: media.alt }
}

/** The text a generated share image shows for a view: the SEO title, else the title, else the brand. */
export function shareTitle(view: View, settings: BrandSettings): string {
  switch (view.kind) {
    case 'page':
      return firstText(view.page.seo?.title, view.page.path === 'home' ? settings.tagline : view.page.title, settings.brandName)
    case 'post':
      return firstText(view.post.seo?.title, view.post.title, settings.brandName)
    case 'list':
      return firstText(view.heading, settings.brandName)
    case 'search':
      return firstText(searchTitle(view.search), settings.brandName)
    case 'gated':
      return firstText(view.doc.seo?.title, view.title, settings.brandName)
    case 'notFound':
      return firstText(settings.tagline, settings.brandName)
  }
}

/** What the generated share image of a view draws. */
export async function shareImageInput(view: View, settings: BrandSettings): Promise<ShareImageInput> {
  return {
    title: shareTitle(view, settings),
    brandName: settings.brandName,
    host: siteHost,
    color: settings.brandColor,
    canRenderCjk: await canRenderCjk(),
  }
}

function breadcrumbs(view: View, route: Route, locale: string, defaultLocale: string, path: string): Crumb[] {
  const words = WORDS[locale] ?? WORDS.en!
  const home = { name: words.home, path: localizedHref('/', locale, defaultLocale) }
  const blog = { name: words.blog, path: localizedHref('/blog', locale, defaultLocale) }
  switch (view.kind) {
    case 'page':
      return view.page.path === 'home' ? [] : [home, { name: view.page.title, path }]
    case 'post':
      return [home, blog, { name: view.post.title, path }]
    case 'list':
      return route.kind === 'category' ? [home, blog, { name: view.heading, path }] : [home, blog]
    case 'search':
      return [home, { name: searchTitle({ locale, query: '' }), path }]
    case 'gated':
      return view.of === 'post' ? [home, blog, { name: view.title, path }] : [home, { name: view.title, path }]
    case 'notFound':
      return []
  }
}

/** The head of a resolved view: see functions/seo's pageHead. */
export async function headFor({ view, route, basePath, locale, defaultLocale, settings, stamp, preview }: HeadContext): Promise<PageHead> {
  const path = localizedHref(basePath ?? '/', locale, defaultLocale)
  // Paginated lists (/blog/page/2) are not in the index: they stand alone in their locale.
  const firstPage = route.kind === 'blog' || route.kind === 'category' ? route.page === 1 : true
  const indexed = basePath && firstPage && !preview ? (await siteIndex(stamp, defaultLocale)).byPath.get(basePath) : undefined
  const alternates = indexed?.locales.some((l) => l.locale === locale) ? indexed.locales : [{ locale, path }]

  const input = await shareImageInput(view, settings)
  const generatedImage: ShareImage = {
    url: `${shareImagePath(path, localePrefixes(defaultLocale))}?v=${shareImageKey(input).slice(0, 12)}`,
    width: 1200,
    height: 630,
    type: 'image/png',
    alt: input.title,
  }
  const logo = settings.logo && typeof settings.logo === 'object' ? mediaUrl(settings.logo.filename) : null
  const common = {
    site: { siteUrl, brandName: settings.brandName, tagline: settings.tagline, logo, socialAccounts: settings.socialAccounts },
    locale,
    defaultLocale,
    path,
    alternates,
    generatedImage,
    breadcrumbs: breadcrumbs(view, route, locale, defaultLocale, path),
    // A results page is the site's own copy of its content: never in a search engine's index.
    noindex: preview || view.kind === 'notFound' || view.kind === 'search',
    // site/pages/rss.xml.ts and [locale]/rss.xml.ts
    feed: { path: locale === defaultLocale ? '/rss.xml' : `/${localePrefix(locale)}/rss.xml`, title: settings.brandName },
  }
  switch (view.kind) {
    case 'page': {
      const { page } = view
      return pageHead({
        ...common,
        kind: page.path === 'home' ? 'home' : 'page',
        title: page.title,
        seo: page.seo,
        image: imageOf(page.seo?.image),
      })
    }
    case 'post': {
      const { post } = view
      return pageHead({
        ...common,
        kind: 'post',
        title: post.title,
        seo: post.seo,
        excerpt: post.excerpt,
        image: imageOf(post.seo?.image) ?? imageOf(post.coverImage),
        article: {
          publishedAt: post.publishedAt,
          modifiedAt: post.updatedAt,
          authorName: post.author?.name,
          tags: (post.categories ?? []).filter((c) => c && typeof c === 'object').map((c) => c.title),
        },
      })
    }
    case 'list':
      return pageHead({ ...common, kind: 'list', title: view.heading })
    case 'search':
      return pageHead({ ...common, kind: 'list', title: searchTitle(view.search) })
    // A members-only document's head names it and its excerpt, as its teaser does; nothing of the body.
    case 'gated':
      return pageHead({
        ...common,
        kind: 'page',
        title: view.title,
        seo: view.doc.seo,
        excerpt: view.excerpt,
        image: imageOf(view.doc.seo?.image),
      })
    case 'notFound':
      return pageHead({ ...common, kind: 'notFound', title: '404' })
  }
}
