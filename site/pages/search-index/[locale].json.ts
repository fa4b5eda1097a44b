// The compact index the as-you-type script downloads when a visitor focuses the search box:
// public documents only (the builder leaves the rest out), one file per locale, named by the
// locale's URL prefix (`zh-cn`, `en`): paths are lower case on this site.
import type { APIRoute } from 'astro'

import { LOCALE_CODES } from '../../../functions/content/locales'
import { localePrefix } from '../../../functions/content/paths'
import { compactSearchIndex } from '../../lib/search'
import { siteDefaultLocale } from '../../lib/view'

export const GET: APIRoute = async ({ params, request, locals }) => {
  const locale = LOCALE_CODES.find((code) => localePrefix(code) === params.locale)
  if (!locale)
    return new Response('No search index for this locale.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  const defaultLocale = await siteDefaultLocale(locals.contentStamp ?? null)
  const index = await compactSearchIndex(locale, defaultLocale)
  if (!index) {
    return new Response('The search index is being built; try again in a few seconds.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' },
    })
  }
  // URLs depend on which locale is served at the root, so that is part of the version.
  const etag = `"${index.builtAt}-${defaultLocale}"`
  // Revalidated on each use: the index changes whenever content is published.
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=0, must-revalidate', etag }
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers })
  return new Response(index.json, { headers })
}
