import type { APIRoute } from 'astro'

import { feed, RSS_TYPE } from '../lib/feeds'
import { siteDefaultLocale } from '../lib/view'

/** The RSS feed of the locale served at the root. */
export const GET: APIRoute = async ({ locals }) => {
  const stamp = locals.contentStamp ?? null
  const body = await feed(await siteDefaultLocale(stamp), stamp)
  locals.cacheable = true
  return new Response(body, { headers: { 'content-type': RSS_TYPE } })
}
