import type { APIRoute } from 'astro'

import { RSS_TYPE } from '../../lib/feeds'
import { newsletterFeed, newsletterLocale } from '../../lib/newsletter'

/** The RSS feed of the newsletter archive in the locale served at the root. */
export const GET: APIRoute = async ({ locals }) => {
  const stamp = locals.contentStamp ?? null
  const { locale, defaultLocale } = (await newsletterLocale(undefined, stamp))!
  locals.cacheable = true
  return new Response(await newsletterFeed(locale, defaultLocale, stamp), { headers: { 'content-type': RSS_TYPE } })
}
