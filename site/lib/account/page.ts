import type { AstroGlobal } from 'astro'

import { type Locale, LOCALE_CODES } from '../../../functions/content/locales'
import { siteDefaultLocale } from '../view'
import { handleAccount, PRIVATE, type ScreenModel } from './handle'

/**
 * What an account page file does: works out its locale (none in the path: the site's default; a
 * prefix: that locale, if it is not the default), handles the request, and either answers or
 * hands the page a screen to render with its status and private caching set.
 */
export async function accountPage(Astro: AstroGlobal, prefix: string | undefined): Promise<Response | ScreenModel> {
  const defaultLocale = await siteDefaultLocale(Astro.locals.contentStamp ?? null)
  const locale = (prefix === undefined ? defaultLocale : prefix) as Locale
  if (!LOCALE_CODES.includes(locale) || (prefix !== undefined && prefix === defaultLocale))
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  const result = await handleAccount({
    request: Astro.request,
    url: Astro.url,
    clientAddress: Astro.clientAddress,
    locale,
    defaultLocale,
    rest: Astro.params.rest,
    stamp: Astro.locals.contentStamp ?? null,
  })
  if (result instanceof Response) return result
  Astro.response.status = result.status
  for (const [name, value] of Object.entries(PRIVATE)) Astro.response.headers.set(name, value)
  if (typeof result.data.retryAfter === 'string') Astro.response.headers.set('retry-after', result.data.retryAfter)
  return result
}
