import type { APIRoute } from 'astro'

import { RSS_TYPE } from '../../../lib/feeds'
import { newsletterFeed, newsletterLocale } from '../../../lib/newsletter'

/** The RSS feed of the newsletter archive under a locale prefix: /en/newsletter/rss.xml. */
export const GET: APIRoute = async ({ params, locals }) => {
  const stamp = locals.contentStamp ?? null
  const where = await newsletterLocale(params.locale, stamp)
  // The root locale's feed lives at /newsletter/rss.xml only, so a feed has one address.
  if (!where) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  locals.cacheable = true
  return new Response(await newsletterFeed(where.locale, where.defaultLocale, stamp), { headers: { 'content-type': RSS_TYPE } })
}
