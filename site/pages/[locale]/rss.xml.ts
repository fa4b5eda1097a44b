import type { APIRoute } from 'astro'

import { feed, localeOfPrefix, RSS_TYPE } from '../../lib/feeds'
import { siteDefaultLocale } from '../../lib/view'

/** The RSS feed of a locale served under its prefix: /en/rss.xml. */
export const GET: APIRoute = async ({ params, locals }) => {
  const stamp = locals.contentStamp ?? null
  const locale = localeOfPrefix(params.locale)
  // The root locale's feed lives at /rss.xml only, so a feed has one address.
  if (!locale || locale === (await siteDefaultLocale(stamp)))
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  const body = await feed(locale, stamp)
  locals.cacheable = true
  return new Response(body, { headers: { 'content-type': RSS_TYPE } })
}
