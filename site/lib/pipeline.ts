// The one request pipeline of the site: client address (site/server.mjs, before anything else) →
// canonical path and redirects → arrival (touch, /go/, /r/) → preview → cache lookup → render →
// cache store → compression and validators. site/lib/fast-path.ts runs it on Node's request before
// Astro is involved; site/middleware.ts runs the same stages for what the fast path hands on.
import { siteUrl } from '../../cms/environment'
import { cacheControlFor } from '../../functions/http/cache-control'
import { cacheable, type CacheRequest, servable } from '../../functions/http/cache-rule'
import { chooseEncoding, encodeBody, type EncodedBody, etagOf, notModified } from '../../functions/http/compression'
import { securityHeaders } from '../../functions/http/security-headers'
import { MEMBER_COOKIE } from '../../functions/members/session-token'
import { noteArrival } from './arrivals'
import { pageCache } from './page-cache'
import { PREVIEW_COOKIE } from './preview'
import { redirectAnswer, redirectHeaders } from './redirects'

/** The request facts the pipeline reads, from Node's request or a Fetch Request alike. */
export interface PipelineRequest extends CacheRequest {
  host: string | null
  userAgent: string | null
  referrer: string | null
  acceptEncoding: string | null
  ifNoneMatch: string | null
}

/** A finished answer: status, headers and body bytes (null for none). */
export interface Answer {
  status: number
  headers: [string, string][]
  body: Uint8Array | null
}

/** A page as the cache keeps it: its headers without encoding, and its body in every encoding. */
export interface CachedAnswer {
  status: number
  headers: [string, string][]
  body: EncodedBody
  gated: boolean
}

/** The request header by which the fast path tells the middleware what it already did (site/server.mjs strips it from clients). */
export const PIPELINE_ENTERED = 'x-brand-pipeline'
/** The request header carrying the visitor cookie the fast path's arrival stage decided on. */
export const PIPELINE_SET_COOKIE = 'x-brand-set-cookie'

const cookies = { member: MEMBER_COOKIE, preview: PREVIEW_COOKIE }
const https = siteUrl.startsWith('https:')
// Account pages hold a member's data and forms that change it: no other page, not even the site's own, frames them.
const ACCOUNT = /^\/(?:[a-z]{2}(?:-[a-z0-9]+)?\/)?account(?:\/|$)/i

/** Whether a path is an account page (never framed). */
export const isAccountPath = (pathname: string) => ACCOUNT.test(pathname)

/** The security headers of a response on `pathname`; `html` is the page whose inline scripts the CSP allows. */
export function headersFor(pathname: string, html?: string | null): [string, string][] {
  return securityHeaders({ https, frameable: isAccountPath(pathname) ? 'never' : 'same-origin', html })
}

/**
 * The stages before the cache: the content stamp, editors' redirects and canonical paths, then the
 * arrival (touch, campaign link, referral link). Either a finished answer (a redirect), or the
 * stamp to render from and the visitor cookie the response must set.
 */
export async function enter(request: PipelineRequest): Promise<{ answer: Answer } | { stamp: string | null; setCookie: string | null }> {
  const stamp = await pageCache.refresh()
  if (request.method === 'GET' || request.method === 'HEAD') {
    const redirect = await redirectAnswer(request.pathname, request.search, stamp)
    if (redirect) return { answer: { status: redirect.status, headers: Object.entries(redirectHeaders(redirect)), body: null } }
  }
  const arrival = await noteArrival(
    {
      method: request.method,
      path: request.pathname + request.search,
      host: request.host,
      userAgent: request.userAgent,
      referrer: request.referrer,
      cookie: request.cookie,
    },
    stamp,
  )
  if (arrival.redirect) {
    const headers: [string, string][] = [
      ['location', arrival.redirect],
      ['cache-control', 'no-store'],
    ]
    if (arrival.setCookie) headers.push(['set-cookie', arrival.setCookie])
    return { answer: { status: 302, headers, body: null } }
  }
  return { stamp, setCookie: arrival.setCookie }
}

/** The cache lookup: this process's cached page for the request, encoded as it accepts, or null. */
export function lookup(request: PipelineRequest, setCookie: string | null): Answer | null {
  const hit = pageCache.get(request.pathname)
  if (!hit || !servable(request, hit, cookies)) return null
  return encoded(request, hit, setCookie)
}

/**
 * The cache store: a rendered response enters the cache when the one rule allows it (compressed
 * once, here), and leaves encoded as the request accepts. A response that may not be cached is
 * answered as rendered.
 */
export function store(
  request: PipelineRequest,
  rendered: { status: number; headers: Headers; body: Uint8Array; declared: boolean; gated: boolean },
  renderedAt: string | null,
): Answer | null {
  const setsCookie = rendered.headers.has('set-cookie')
  const ok = cacheable(
    request,
    {
      status: rendered.status,
      declared: rendered.declared,
      gated: rendered.gated,
      cacheControl: rendered.headers.get('cache-control'),
      setsCookie,
    },
    cookies,
  )
  if (!ok) return null
  const type = rendered.headers.get('content-type') ?? 'text/html; charset=utf-8'
  const html = type.startsWith('text/html') ? new TextDecoder().decode(rendered.body) : undefined
  const page: CachedAnswer = {
    status: rendered.status,
    headers: [
      // Pages are HTML; cacheable endpoints (sitemaps, feeds, robots.txt) keep their own type.
      ['content-type', type],
      // Browsers and proxies revalidate (ETag): only this process knows when content changed.
      ['cache-control', 'public, max-age=0, must-revalidate'],
      ['vary', 'Accept-Encoding'],
      ...headersFor(request.pathname, html),
    ],
    body: encodeBody(rendered.body),
    gated: rendered.gated,
  }
  pageCache.set(request.pathname, page, renderedAt)
  return encoded(request, page, null)
}

/** A cached page as this request accepts it: brotli, gzip or none; 304 when its ETag is still current. */
function encoded(request: PipelineRequest, page: CachedAnswer, setCookie: string | null): Answer {
  const encoding = chooseEncoding(request.acceptEncoding)
  const etag = etagOf(page.body, encoding)
  const body = page.body[encoding]
  let headers: [string, string][] = [...page.headers, ['etag', etag]]
  if (setCookie) {
    // A response that gives a browser its id is that browser's alone: no shared cache may keep it.
    headers = headers.map(([name, value]) => (name === 'cache-control' ? [name, cacheControlFor(value, true)!] : [name, value]))
    headers.push(['set-cookie', setCookie])
  }
  if (notModified(request.ifNoneMatch, etag))
    return { status: 304, headers: headers.filter(([name]) => name !== 'content-type'), body: null }
  if (body !== page.body.identity) headers.push(['content-encoding', encoding])
  headers.push(['content-length', String(body.byteLength)])
  return { status: page.status, headers, body: request.method === 'HEAD' ? null : body }
}
