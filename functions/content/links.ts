import { localizedHref, pageHref } from './paths'
import { safeHref } from './safe-url'

/** A link field as the CMS stores it (cms/fields/link.ts). */
export interface StoredLink {
  type?: 'page' | 'url' | null
  page?: { path?: string | null } | string | number | null
  url?: string | null
}

/**
 * Where a stored link points, in the visitor's locale; null when it points nowhere (an unpublished
 * or deleted page, an empty URL), so that themes leave such links out rather than render a dead one.
 * @example hrefOf({ type: 'page', page: { path: 'about' } }, 'en', 'zh-CN') // '/en/about'
 */
export function hrefOf(link: StoredLink | null | undefined, locale: string, defaultLocale: string): string | null {
  if (!link) return null
  if (link.type === 'url') {
    const url = safeHref(link.url)
    if (!url) return null
    return url.startsWith('/') ? localizedHref(url, locale, defaultLocale) : url
  }
  const page = link.page
  if (!page || typeof page !== 'object' || !page.path) return null
  return localizedHref(pageHref(page.path), locale, defaultLocale)
}

/** The public URL the site serves an uploaded file at (site/pages/media/[...file].ts). */
export function mediaUrl(filename: string | null | undefined): string | null {
  return filename ? `/media/${encodeURIComponent(filename)}` : null
}
