import type { AstroGlobal } from 'astro'

import { type NewsletterSignupState, newsletterStrings } from '../../themes/shared/newsletter'
import { newsletterArchive, newsletterHref, newsletterIssue, newsletterLocale } from './newsletter'
import { newsletterSignup } from './newsletter-signup'
import { pageLayout } from './page-layout'
import { siteDefaultLocale } from './view'

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/**
 * What a newsletter page file does, in the page itself (a component cannot set the status): works out
 * the locale, reads the archive or one issue (only sent, public broadcasts exist: anything else is the
 * theme's 404), answers a POST of the sign-up box, and hands the route component what to render.
 */
export async function newsletterPage(Astro: AstroGlobal, prefix: string | undefined, id?: string) {
  const stamp = Astro.locals.contentStamp ?? null
  const where = await newsletterLocale(prefix, stamp)
  const locale = where?.locale ?? (await siteDefaultLocale(stamp))
  const defaultLocale = where?.defaultLocale ?? locale
  const issue = where && id !== undefined ? await newsletterIssue(locale, id, stamp) : null
  const issues = where && id === undefined ? await newsletterArchive(locale, defaultLocale, stamp) : []
  const found = where !== null && (id === undefined || issue !== null)
  let signup: NewsletterSignupState = { state: 'form' }
  if (Astro.request.method === 'POST') {
    if (!found || id !== undefined) return notFound()
    const answer = await newsletterSignup(Astro.request, Astro.clientAddress, locale)
    signup = answer.signup
    Astro.response.status = answer.status
    Astro.response.headers.set('cache-control', 'private, no-store')
    if (answer.retryAfterSeconds !== undefined) Astro.response.headers.set('retry-after', String(answer.retryAfterSeconds))
  } else if (!found) Astro.response.status = 404
  // The page cache keys on the path: only the plain archive and issues, the same for everyone, enter it.
  Astro.locals.cacheable = Astro.request.method === 'GET'
  const t = newsletterStrings(locale)
  const { theme, layout } = await pageLayout({
    path: id ? `/newsletter/${id}` : '/newsletter',
    locale,
    defaultLocale,
    stamp,
    title: issue?.subject ?? t.title,
    feed: { path: newsletterHref(locale, defaultLocale, 'rss.xml'), name: t.title },
  })
  return { found, issue, issues, signup, locale, defaultLocale, theme, layout }
}

export type NewsletterModel = Exclude<Awaited<ReturnType<typeof newsletterPage>>, Response>
