import { escapeXml } from './xml'

/** The sitemap protocol's namespace (sitemaps.org 0.9). */
export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
/** The XHTML namespace, for `<xhtml:link rel="alternate" hreflang>` inside a `<url>`. */
export const XHTML_NS = 'http://www.w3.org/1999/xhtml'

/** One URL of a sitemap: absolute `loc`, last change, and the same content in other languages. */
export interface SitemapUrl {
  loc: string
  lastmod?: string | Date | null
  alternates?: { hreflang: string; href: string }[]
}

/** A sitemap the index points to. */
export interface SitemapRef {
  loc: string
  lastmod?: string | Date | null
}

/** The protocol's limit for one sitemap file. */
export const MAX_SITEMAP_URLS = 50_000

/**
 * A W3C date-time for <lastmod>, or null for a missing or unreadable date (which is then left out,
 * as the protocol allows, rather than written wrong).
 */
export function lastmodOf(value: string | Date | null | undefined): string | null {
  if (value == null || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

function assertAbsolute(url: string): string {
  // The protocol requires absolute URLs; a relative one means a bug upstream, so fail loudly.
  if (!/^https?:\/\/[^/\s]+/i.test(url))
    throw new TypeError(
      `A sitemap needs absolute http(s) URLs; got a relative or malformed one (${url.length} characters). Pass SITE_URL-based URLs.`,
    )
  return url
}

/**
 * A `<urlset>` sitemap with xhtml:link alternates, every value XML-escaped.
 * @example sitemapXml([{ loc: 'https://brand.example/about' }]) // '<?xml version="1.0" encoding="UTF-8"?>\n<urlset …'
 */
export function sitemapXml(urls: SitemapUrl[]): string {
  if (urls.length > MAX_SITEMAP_URLS)
    throw new RangeError(`One sitemap may list at most ${MAX_SITEMAP_URLS} URLs; split the ${urls.length} URLs over several sitemaps.`)
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">`]
  for (const url of urls) {
    lines.push('<url>', `<loc>${escapeXml(assertAbsolute(url.loc))}</loc>`)
    const lastmod = lastmodOf(url.lastmod)
    if (lastmod) lines.push(`<lastmod>${lastmod}</lastmod>`)
    for (const alternate of url.alternates ?? []) {
      lines.push(
        `<xhtml:link rel="alternate" hreflang="${escapeXml(alternate.hreflang)}" href="${escapeXml(assertAbsolute(alternate.href))}"/>`,
      )
    }
    lines.push('</url>')
  }
  lines.push('</urlset>', '')
  return lines.join('\n')
}

/**
 * A `<sitemapindex>` pointing to other sitemaps.
 * @example sitemapIndexXml([{ loc: 'https://brand.example/sitemap-en.xml' }])
 */
export function sitemapIndexXml(sitemaps: SitemapRef[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<sitemapindex xmlns="${SITEMAP_NS}">`]
  for (const sitemap of sitemaps) {
    lines.push('<sitemap>', `<loc>${escapeXml(assertAbsolute(sitemap.loc))}</loc>`)
    const lastmod = lastmodOf(sitemap.lastmod)
    if (lastmod) lines.push(`<lastmod>${lastmod}</lastmod>`)
    lines.push('</sitemap>')
  }
  lines.push('</sitemapindex>', '')
  return lines.join('\n')
}
