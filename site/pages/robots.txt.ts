import type { APIRoute } from 'astro'

import { robots, TEXT_TYPE } from '../lib/feeds'

/** robots.txt: what crawlers may visit, and where the sitemap is. */
export const GET: APIRoute = async ({ locals }) => {
  const body = await robots(locals.contentStamp ?? null)
  locals.cacheable = true
  return new Response(body, { headers: { 'content-type': TEXT_TYPE } })
}
