import { absoluteUrl } from './absolute-url'
import type { SitemapUrl } from './sitemap'
import { isPublicContent, type Publishable } from './visibility'

/** A title or other localised field as read with `locale: 'all'`: one value per locale. */
export type PerLocale<T> = Partial<Record<string, T | null>> | null | undefined

/** A page, post or category as the site index reads it: every locale's title at once. */
export interface IndexedDoc extends Publishable {
  /** Pages: `home`, `about`, `solutions/retail`. */
  path?: string | null
  /** Posts and categories. */
  slug?: string | null
  title?: PerLocale<string>
  updatedAt?: string | null
  publishedAt?: string | null
  /** Posts: the ids of their categories. */
  categories?: (string | number | { id: string | number })[] | null
  id?: string | number
}

/** Everything public the site serves, gathered once per content stamp. */
export interface SiteContent {
  pages: IndexedDoc[]
  posts: IndexedDoc[]
  categories: IndexedDoc[]
}

/** Where a piece of content lives in one locale. */
export interface LocalizedUrl {
  locale: string
  path: string
}

/** How a site path is written for a locale (functions/content/paths.ts's localizedHref). */
export type Localize = (path: string, locale: string) => string

/** One piece of content: its address in every locale it exists in, and when it last changed. */
export interface ContentUrl {
  /** The path in the default locale's form (no prefix): `/`, `/about`, `/blog/launch`. */
  basePath: string
  lastmod: string | null
  locales: LocalizedUrl[]
}

function hasTitle(doc: IndexedDoc, locale: string): boolean {
  const title = doc.title?.[locale]
  return typeof title === 'string' && title.trim() !== ''
}

function latest(...dates: (string | null | undefined)[]): string | null {
  let best: number | null = null
  for (const value of dates) {
    const time = value ? new Date(value).getTime() : NaN
    if (!Number.isNaN(time) && (best === null || time > best)) best = time
  }
  return best === null ? null : new Date(best).toISOString()
}

function idOf(ref: string | number | { id: string | number }): string {
  return String(typeof ref === 'object' ? ref.id : ref)
}

/**
 * Every public URL of the site: pages, the blog, categories and posts, each in the locales it has
 * a title in (the site answers 404 elsewhere). Drafts and members-only content are left out.
 */
export function contentUrls(content: SiteContent, locales: readonly string[], localize: Localize): ContentUrl[] {
  const pages = content.pages.filter(isPublicContent).filter((p) => p.path)
  const posts = content.posts.filter(isPublicContent).filter((p) => p.slug)
  const categories = content.categories.filter(isPublicContent).filter((c) => c.slug)
  const entry = (basePath: string, lastmod: string | null, inLocale: (locale: string) => boolean): ContentUrl => ({
    basePath,
    lastmod,
    locales: locales.filter(inLocale).map((locale) => ({ locale, path: localize(basePath, locale) })),
  })

  const urls: ContentUrl[] = []
  for (const page of pages) {
    const basePath = page.path === 'home' ? '/' : `/${page.path}`
    urls.push(entry(basePath, latest(page.updatedAt), (l) => hasTitle(page, l)))
  }
  const newestPost = latest(...posts.map((p) => p.updatedAt))
  // The blog answers in every locale, even with no posts yet.
  urls.push(entry('/blog', newestPost, () => true))
  for (const category of categories) {
    const id = String(category.id)
    const inCategory = posts.filter((p) => (p.categories ?? []).some((ref) => idOf(ref) === id))
    urls.push(
      entry(`/blog/category/${category.slug}`, latest(category.updatedAt, ...inCategory.map((p) => p.updatedAt)), (l) =>
        hasTitle(category, l),
      ),
    )
  }
  for (const post of posts) urls.push(entry(`/blog/${post.slug}`, latest(post.updatedAt, post.publishedAt), (l) => hasTitle(post, l)))
  return urls.filter((url) => url.locales.length > 0)
}

/**
 * The sitemap entries of one locale: each URL that exists in it, with hreflang alternates for
 * every locale the content exists in and x-default for the default locale's.
 */
export function sitemapUrls(urls: ContentUrl[], locale: string, defaultLocale: string, siteUrl: string): SitemapUrl[] {
  const entries: SitemapUrl[] = []
  for (const url of urls) {
    const own = url.locales.find((l) => l.locale === locale)
    if (!own) continue
    const alternates = url.locales.map((l) => ({ hreflang: l.locale, href: absoluteUrl(siteUrl, l.path) }))
    const fallback = url.locales.find((l) => l.locale === defaultLocale)
    if (alternates.length > 1 && fallback) alternates.push({ hreflang: 'x-default', href: absoluteUrl(siteUrl, fallback.path) })
    entries.push({ loc: absoluteUrl(siteUrl, own.path), lastmod: url.lastmod, alternates: alternates.length > 1 ? alternates : [] })
  }
  return entries
}
