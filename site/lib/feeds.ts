// The sitemaps, robots.txt and RSS feeds of the site, built by functions/seo from the site index.
import { siteUrl } from '../../cms/environment'
import { LOCALE_CODES } from '../../functions/content/locales'
import { localePrefix, localizedHref } from '../../functions/content/paths'
import { absoluteUrl, firstText, robotsTxt, rssXml, sitemapIndexXml, sitemapUrls, sitemapXml } from '../../functions/seo'
import { feedPosts, frame } from './content'
import { localePrefixes, siteIndex } from './site-index'
import { siteDefaultLocale } from './view'

/** How many posts a feed carries. */
const FEED_SIZE = 20

/** The content types these files are served with. */
export const XML_TYPE = 'application/xml; charset=utf-8'
export const RSS_TYPE = 'application/rss+xml; charset=utf-8'
export const TEXT_TYPE = 'text/plain; charset=utf-8'

/** The address of a locale's sitemap: /sitemap-zh-cn.xml, /sitemap-en.xml. */
export function sitemapPath(locale: string): string {
  return `/sitemap-${localePrefix(locale)}.xml`
}

/** The locale whose URL prefix is `prefix` (`zh-cn` → zh-CN), or null. */
export function localeOfPrefix(prefix: string | undefined): string | null {
  return LOCALE_CODES.find((l) => localePrefix(l) === prefix) ?? null
}

/** The address of a locale's feed: /rss.xml for the locale at the root, /en/rss.xml for others. */
export function feedPath(locale: string, defaultLocale: string): string {
  return locale === defaultLocale ? '/rss.xml' : `/${localePrefix(locale)}/rss.xml`
}

/** The sitemap index: one sitemap per locale, each with the newest change in it. */
export async function sitemapIndex(stamp: string | null): Promise<string> {
  const defaultLocale = await siteDefaultLocale(stamp)
  const { urls } = await siteIndex(stamp, defaultLocale)
  return sitemapIndexXml(
    LOCALE_CODES.map((locale) => {
      const dates = urls
        .filter((u) => u.locales.some((l) => l.locale === locale))
        .map((u) => u.lastmod ?? '')
        .sort()
      return { loc: absoluteUrl(siteUrl, sitemapPath(locale)), lastmod: dates[dates.length - 1] || null }
    }),
  )
}

/** One locale's sitemap. */
export async function localeSitemap(locale: string, stamp: string | null): Promise<string> {
  const defaultLocale = await siteDefaultLocale(stamp)
  const { urls } = await siteIndex(stamp, defaultLocale)
  return sitemapXml(sitemapUrls(urls, locale, defaultLocale, siteUrl))
}

/** robots.txt, with the private paths of every locale. */
export async function robots(stamp: string | null): Promise<string> {
  return robotsTxt(siteUrl, localePrefixes(await siteDefaultLocale(stamp)))
}

/** The RSS feed of a locale's newest public posts. */
export async function feed(locale: string, stamp: string | null): Promise<string> {
  const defaultLocale = await siteDefaultLocale(stamp)
  const [{ settings }, posts] = await Promise.all([frame(locale, stamp), feedPosts(locale, FEED_SIZE)])
  const link = (path: string) => absoluteUrl(siteUrl, localizedHref(path, locale, defaultLocale))
  return rssXml({
    title: settings.brandName,
    link: link('/blog'),
    description: firstText(settings.tagline, settings.brandName),
    language: locale,
    selfUrl: absoluteUrl(siteUrl, feedPath(locale, defaultLocale)),
    items: posts.map((post) => ({
      title: post.title,
      link: link(`/blog/${post.slug}`),
      description: post.excerpt,
      publishedAt: post.publishedAt,
      categories: (post.categories ?? []).filter((c) => c && typeof c === 'object' && c.title).map((c) => c.title),
    })),
  })
}
