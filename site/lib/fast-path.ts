import type { IncomingMessage, ServerResponse } from 'node:http'

import { ARRIVAL_NOTED, flushArrivals, noteArrival } from './arrivals'
import { pageCache } from './page-cache'
import { PREVIEW_COOKIE } from './preview'
import { redirectAnswer, redirectHeaders } from './redirects'

/**
 * Where site/server.mjs finds the fast path. The server sits outside Astro's bundle, so the one
 * page cache of the process is handed over through a registered global rather than a second copy.
 */
export const FAST_PATH = Symbol.for('brand-site.fast-path')
/** What site/server.mjs calls before the process exits: touches and clicks still in memory are written. */
export const SHUTDOWN = Symbol.for('brand-site.shutdown')

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null

/**
 * Answers a request before Astro builds a Request, runs middleware and renders: editors' redirects
 * and canonical paths, campaign-link redirects, and pages from the page cache, so that a cached page
 * costs about what a static file does. Every page request's arrival is noted here first (after
 * the editors' redirects, so a visitor sent on is noted once, where they land). False when Astro
 * must answer.
 */
export async function serveFromCache(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = req.url ?? '/'
  const stamp = await pageCache.refresh()
  if (req.method === 'GET' || req.method === 'HEAD') {
    const query = url.indexOf('?')
    const answer = await redirectAnswer(query === -1 ? url : url.slice(0, query), query === -1 ? '' : url.slice(query), stamp)
    if (answer) {
      res.writeHead(answer.status, redirectHeaders(answer))
      res.end()
      return true
    }
  }
  const arrival = await noteArrival(
    { method: req.method ?? 'GET', path: url, host: header(req.headers.host), userAgent: header(req.headers['user-agent']), referrer: header(req.headers.referer), cookie: header(req.headers.cookie) },
    stamp,
  )
  // Tells the middleware not to note this arrival twice (whatever the client sent in this header).
  req.headers[ARRIVAL_NOTED] = 'yes'
  const cookie: [string, string][] = arrival.setCookie ? [['set-cookie', arrival.setCookie]] : []
  if (arrival.redirect) {
    res.writeHead(302, [['location', arrival.redirect], ['cache-control', 'no-store'], ...cookie].flat())
    res.end()
    return true
  }
  if (arrival.setCookie) res.setHeader('set-cookie', arrival.setCookie)

  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  // Editors previewing drafts always go through Astro, which checks their token.
  if (req.headers.cookie?.includes(`${PREVIEW_COOKIE}=`)) return false
  const query = url.indexOf('?')
  const pathname = query === -1 ? url : url.slice(0, query)
  // A form's thank-you view (?submitted=) is rendered for the one visitor who submitted.
  if (query !== -1 && url.includes('submitted=', query)) return false
  const hit = pageCache.get(pathname)
  if (!hit) return false
  // A response that gives a browser its id is that browser's alone: no shared cache may keep it.
  const headers = cookie.length ? [...hit.headers.filter(([name]) => name !== 'cache-control'), ['cache-control', 'private, no-cache'], ...cookie] : hit.headers
  res.removeHeader('set-cookie')
  res.writeHead(hit.status, headers.flat())
  res.end(req.method === 'HEAD' ? undefined : hit.body)
  return true
}

;(globalThis as Record<symbol, unknown>)[FAST_PATH] = serveFromCache
;(globalThis as Record<symbol, unknown>)[SHUTDOWN] = flushArrivals
