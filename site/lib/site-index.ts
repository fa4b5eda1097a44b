import { LOCALE_CODES } from '../../functions/content/locales'
import { localePrefix, localizedHref } from '../../functions/content/paths'
import { type ContentUrl, contentUrls } from '../../functions/seo'
import { siteContent } from './content'
import { perStamp } from './per-stamp'

/** Every public URL of the site, by its default-locale path (`/blog/launch`). */
export interface SiteIndex {
  urls: ContentUrl[]
  byPath: Map<string, ContentUrl>
}

const indexes = perStamp((defaultLocale) =>
  siteContent().then((content) => {
    const urls = contentUrls(content, LOCALE_CODES, (path, locale) => localizedHref(path, locale, defaultLocale))
    return { urls, byPath: new Map(urls.map((url) => [url.basePath, url])) }
  }),
)

/**
 * The site's public URLs, read once per content stamp and shared by the sitemaps and every page's
 * hreflang alternates, so neither costs a query per request.
 */
export function siteIndex(stamp: string | null, defaultLocale: string): Promise<SiteIndex> {
  return indexes(stamp, defaultLocale)
}

/** The URL prefixes of the locales not served at the root (`en`), as the share image paths need them. */
export function localePrefixes(defaultLocale: string): string[] {
  return LOCALE_CODES.filter((l) => l !== defaultLocale).map(localePrefix)
}
