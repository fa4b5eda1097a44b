import { defineMiddleware } from 'astro:middleware'

import { ARRIVAL_NOTED, noteArrival } from './lib/arrivals'
import { previewUser } from './lib/cms'
import { hasMemberCookie } from './lib/account/session'
import './lib/fast-path'
import { pageCache } from './lib/page-cache'
import { previewGrant } from './lib/preview'
import { redirectAnswer, redirectHeaders } from './lib/redirects'

// Paths that are never pages: files and endpoints answer for themselves.
const UNCACHED = /^\/(media|preview|api|_astro|favicon|share-image)/

/**
 * Answers redirects first; then serves pages from this process's page cache while the content stamp
 * is unchanged, and fills it from pages and endpoints that declare themselves cacheable.
 * Previewing editors always get a fresh render.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { request, url, locals, cookies } = context
  locals.contentStamp = await pageCache.refresh()

  // Editors' redirects and the canonical form of paths come before anything else, as in the fast path.
  if (request.method === 'GET' || request.method === 'HEAD') {
    const answer = await redirectAnswer(url.pathname, url.search, locals.contentStamp)
    if (answer) return new Response(null, { status: answer.status, headers: redirectHeaders(answer) })
  }

  // In production the fast path (site/lib/fast-path.ts) noted the arrival; in dev, or when it could not, here.
  if (request.headers.get(ARRIVAL_NOTED) !== 'yes') {
    const headers = request.headers
    const arrival = await noteArrival(
      { method: request.method, path: url.pathname + url.search, host: headers.get('host'), userAgent: headers.get('user-agent'), referrer: headers.get('referer'), cookie: headers.get('cookie') },
      locals.contentStamp,
    )
    if (arrival.redirect) return new Response(null, { status: 302, headers: { location: arrival.redirect, 'cache-control': 'no-store', ...(arrival.setCookie ? { 'set-cookie': arrival.setCookie } : {}) } })
    if (arrival.setCookie) {
      const response = await next()
      response.headers.append('set-cookie', arrival.setCookie)
      // A private page (the account pages) stays no-store; anything else is this browser's alone now.
      if (!response.headers.get('cache-control')?.includes('no-store')) response.headers.set('cache-control', 'private, no-cache')
      return response
    }
  }

  const grant = previewGrant(cookies)
  if (grant) {
    locals.previewUser = await previewUser(grant.userId)
    if (locals.previewUser) {
      const response = await next()
      response.headers.set('cache-control', 'private, no-store')
      return response
    }
  }
  if ((request.method !== 'GET' && request.method !== 'HEAD') || UNCACHED.test(url.pathname) || url.searchParams.has('submitted')) return next()

  const key = url.pathname
  const hit = pageCache.get(key)
  if (hit && !(hit.gated && hasMemberCookie(request.headers.get('cookie')))) return new Response(request.method === 'HEAD' ? null : (hit.body as Uint8Array<ArrayBuffer>), { status: hit.status, headers: hit.headers })

  const renderedAt = locals.contentStamp
  const response = await next()
  if (!locals.cacheable || (response.status !== 200 && response.status !== 404)) return response
  const body = new Uint8Array(await response.arrayBuffer())
  const headers: [string, string][] = [
    // Pages are HTML; cacheable endpoints (sitemaps, feeds, robots.txt) keep their own type.
    ['content-type', response.headers.get('content-type') ?? 'text/html; charset=utf-8'],
    ['content-length', String(body.byteLength)],
    // Browsers and proxies revalidate: only this process knows when content changed.
    ['cache-control', 'public, max-age=0, must-revalidate'],
  ]
  pageCache.set(key, { status: response.status, headers, body, gated: Boolean(locals.gated) }, renderedAt)
  return new Response(request.method === 'HEAD' ? null : body, { status: response.status, headers })
})
