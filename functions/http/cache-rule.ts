import { hasCookie } from './cookies'

/** The request facts the cache rule reads. */
export interface CacheRequest {
  method: string
  pathname: string
  /** The query string with its `?`, or ''. */
  search: string
  cookie: string | null
}

/** The response facts the cache rule reads. */
export interface CacheResponse {
  status: number
  /** The page said its HTML is the same for every visitor (`locals.cacheable`). */
  declared: boolean
  /** The anonymous version of a members-only document. */
  gated: boolean
  cacheControl: string | null
  setsCookie: boolean
}

/** The cookie names whose presence changes what a page shows. */
export interface CacheCookies {
  member: string
  preview: string
}

// Paths that are never pages: files and endpoints answer for themselves.
const NEVER = /^\/(media|preview|api|_astro|favicon|share-image)(\/|$)/

/**
 * Whether a request may be answered from the shared page cache at all (before looking): only
 * GET and HEAD, never an editor previewing drafts, never a form's thank-you view (`?submitted=`),
 * never the product's own endpoints.
 */
export function mayUseCache(request: CacheRequest, cookies: CacheCookies): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  if (NEVER.test(request.pathname)) return false
  if (new URLSearchParams(request.search).has('submitted')) return false
  return !hasCookie(request.cookie, cookies.preview)
}

/** Whether a cached page may answer this request: a members-only document's cached teaser never goes to a member. */
export function servable(request: CacheRequest, hit: { gated?: boolean }, cookies: CacheCookies): boolean {
  return mayUseCache(request, cookies) && !(hit.gated && hasCookie(request.cookie, cookies.member))
}

/**
 * The one rule for what enters the page cache (shared by every visitor): a request that may use
 * the cache, a page that declared itself the same for everyone, a 200 or 404, nothing personal in
 * the response (no cookie set, not private), and no members-only document rendered for a member.
 * @example cacheable({ method: 'GET', pathname: '/', search: '', cookie: null }, { status: 200, declared: true, gated: false,
 *   cacheControl: null, setsCookie: false }, cookies) // true
 */
export function cacheable(request: CacheRequest, response: CacheResponse, cookies: CacheCookies): boolean {
  if (!mayUseCache(request, cookies) || !response.declared) return false
  if (response.status !== 200 && response.status !== 404) return false
  if (response.setsCookie || /\b(private|no-store)\b/i.test(response.cacheControl ?? '')) return false
  return !(response.gated && hasCookie(request.cookie, cookies.member))
}
