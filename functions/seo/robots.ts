import { absoluteUrl } from './absolute-url'

/** Paths, per locale prefix, that are for one visitor only and say nothing to a search engine. */
export const PRIVATE_PATHS = ['/account', '/search'] as const

/**
 * The robots.txt of the site: everything may be crawled except visitors' own pages, the preview,
 * the API and redirecting links; the sitemap index is named.
 * @example robotsTxt('https://brand.example', ['en'])
 */
export function robotsTxt(siteUrl: string, localePrefixes: readonly string[]): string {
  const privatePaths = ['', ...localePrefixes.map((p) => `/${p}`)].flatMap((prefix) => PRIVATE_PATHS.map((path) => `${prefix}${path}`))
  return [
    'User-agent: *',
    'Allow: /',
    // Signed-in members' pages and internal search results: private or endless, never worth indexing.
    ...privatePaths.map((path) => `Disallow: ${path}`),
    // Drafts behind a preview token, and the CMS's data.
    'Disallow: /preview',
    'Disallow: /api/',
    // Campaign links (/go/) and referral links (/r/) only redirect, with UTM tags, to pages the
    // sitemap already lists; crawling them would count clicks and index tagged duplicates.
    'Disallow: /go/',
    'Disallow: /r/',
    '',
    `Sitemap: ${absoluteUrl(siteUrl, '/sitemap.xml')}`,
    '',
  ].join('\n')
}
