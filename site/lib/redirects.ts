import { siteUrl } from '../../cms/environment'
import { createRedirectTable, type RedirectAnswer, redirectFor } from '../../functions/seo'
import { redirectRules } from './content'
import { perStamp } from './per-stamp'

// Paths the site never redirects: its own build assets and the CMS's API.
const NEVER = /^\/(_astro|api)\//

const tableFor = perStamp(() => redirectRules().then((rules) => createRedirectTable(rules, siteUrl)))

/**
 * The redirect a GET or HEAD request gets before anything renders: an editor's redirect, or a 301
 * to the canonical form of its path (lower case, no trailing slash). All redirects are read into a
 * map once per content stamp, so a request costs one lookup.
 */
export async function redirectAnswer(pathname: string, search: string, stamp: string | null): Promise<RedirectAnswer | null> {
  if (NEVER.test(pathname)) return null
  return redirectFor(pathname, search, await tableFor(stamp))
}

/** The headers of a redirect answer. */
export function redirectHeaders(answer: RedirectAnswer): Record<string, string> {
  return {
    location: answer.location,
    // A permanent redirect is still only kept an hour, so an editor who removes one is not ignored for ever.
    'cache-control': answer.status === 301 ? 'public, max-age=3600' : 'no-store',
  }
}
