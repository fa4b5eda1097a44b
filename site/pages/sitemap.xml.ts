import type { APIRoute } from 'astro'

import { sitemapIndex, XML_TYPE } from '../lib/feeds'

/** The sitemap index, pointing to one sitemap per locale; cached until content changes. */
export const GET: APIRoute = async ({ locals }) => {
  const body = await sitemapIndex(locals.contentStamp ?? null)
  locals.cacheable = true
  return new Response(body, { headers: { 'content-type': XML_TYPE } })
}
