import type { IncomingMessage, ServerResponse } from 'node:http'

import { pageCache } from './page-cache'
import { PREVIEW_COOKIE } from './preview'
import { redirectAnswer, redirectHeaders } from './redirects'

/**
 * Where site/server.mjs finds the fast path. The server sits outside Astro's bundle, so the one
 * page cache of the process is handed over through a registered global rather than a second copy.
 */
export const FAST_PATH = Symbol.for('brand-site.fast-path')

/**
 * Answers a request with a redirect or straight from the page cache, before Astro builds a Request,
 * runs middleware and renders: a cached page then costs about what a static file does. False when
 * it is neither.
 */
export async function serveFromCache(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  // Editors previewing drafts always go through Astro, which checks their token.
  if (req.headers.cookie?.includes(`${PREVIEW_COOKIE}=`)) return false
  const url = req.url ?? '/'
  const query = url.indexOf('?')
  const pathname = query === -1 ? url : url.slice(0, query)
  // A form's thank-you view (?submitted=) is rendered for the one visitor who submitted.
  if (query !== -1 && url.includes('submitted=', query)) return false
  const stamp = await pageCache.refresh()
  // Redirects win over cached pages: a page moved by an editor is cached under its old path no more
  // (the stamp changed), but a redirect must not wait for Astro either.
  const answer = await redirectAnswer(pathname, query === -1 ? '' : url.slice(query), stamp)
  if (answer) {
    res.writeHead(answer.status, redirectHeaders(answer))
    res.end()
    return true
  }
  const hit = pageCache.get(pathname)
  if (!hit) return false
  res.writeHead(hit.status, hit.headers)
  res.end(req.method === 'HEAD' ? undefined : hit.body)
  return true
}

;(globalThis as Record<symbol, unknown>)[FAST_PATH] = serveFromCache
