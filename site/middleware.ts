import { defineMiddleware } from 'astro:middleware'

import { previewUser } from './lib/cms'
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

  // Editors' redirects and the canonical form of paths come before anything renders (site/server.mjs's
  // fast path applies them too, before the page cache).
  if (request.method === 'GET' || request.method === 'HEAD') {
    const answer = await redirectAnswer(url.pathname, url.search, locals.contentStamp)
    if (answer) return new Response(null, { status: answer.status, headers: redirectHeaders(answer) })
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
  if (hit) return new Response(request.method === 'HEAD' ? null : hit.body, { status: hit.status, headers: hit.headers })

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
  pageCache.set(key, { status: response.status, headers, body }, renderedAt)
  return new Response(request.method === 'HEAD' ? null : body, { status: response.status, headers })
})
