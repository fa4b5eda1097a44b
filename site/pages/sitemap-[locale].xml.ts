import type { APIRoute } from 'astro'

import { localeOfPrefix, localeSitemap, XML_TYPE } from '../lib/feeds'

/** The sitemap of one locale (/sitemap-zh-cn.xml, /sitemap-en.xml); cached until content changes. */
export const GET: APIRoute = async ({ params, locals }) => {
  const locale = localeOfPrefix(params.locale)
  if (!locale) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  const body = await localeSitemap(locale, locals.contentStamp ?? null)
  locals.cacheable = true
  return new Response(body, { headers: { 'content-type': XML_TYPE } })
}
