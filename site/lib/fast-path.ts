import type { IncomingMessage, ServerResponse } from 'node:http'

import { flushArrivals, startArrivals } from './arrivals'
import { serveFormPost } from './form-post'
import { readySubmissions } from './form-submit'
import { pageCache } from './page-cache'
import { type Answer, enter, lookup, PIPELINE_ENTERED, PIPELINE_SET_COOKIE, type PipelineRequest } from './pipeline'

/**
 * Where site/server.mjs finds the fast path. The server sits outside Astro's bundle, so the one
 * page cache of the process is handed over by startFastPath (called by the middleware on its
 * first request) rather than loaded as a second copy.
 */
export const FAST_PATH = Symbol.for('brand-site.fast-path')

/** What site/server.mjs calls: the fast path, and what to do before the process exits. */
export interface FastPath {
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>
  /** Readies the form submissions for the current content before the process takes visitors. */
  ready(): Promise<void>
  /** Writes the touches and clicks still held in memory. */
  shutdown(): Promise<void>
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null

/** The pipeline's view of Node's request. */
export function pipelineRequest(req: IncomingMessage): PipelineRequest {
  const url = req.url ?? '/'
  const query = url.indexOf('?')
  return {
    method: req.method ?? 'GET',
    pathname: query === -1 ? url : url.slice(0, query),
    search: query === -1 ? '' : url.slice(query),
    cookie: header(req.headers.cookie),
    host: header(req.headers.host),
    userAgent: header(req.headers['user-agent']),
    referrer: header(req.headers.referer),
    acceptEncoding: header(req.headers['accept-encoding']),
    ifNoneMatch: header(req.headers['if-none-match']),
  }
}

function write(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, answer.headers.flat())
  res.end(answer.body ?? undefined)
}

/**
 * Runs the pipeline's stages up to the cache lookup on Node's request, before Astro builds a
 * Request, runs middleware and renders, so that a cached page costs about what a static file does;
 * and takes a lead form's JSON submission there too (site/lib/form-post.ts).
 * False when Astro must answer; the request then carries what was decided (PIPELINE_ENTERED, and
 * the visitor cookie to set) so that the middleware does not do it twice.
 */
export async function serveFast(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const request = pipelineRequest(req)
  const entered = await enter(request)
  if ('answer' in entered) {
    write(res, entered.answer)
    return true
  }
  if (await serveFormPost(req, res, entered.stamp, entered.setCookie)) return true
  const hit = lookup(request, entered.setCookie)
  if (hit) {
    write(res, hit)
    return true
  }
  req.headers[PIPELINE_ENTERED] = 'yes'
  if (entered.setCookie) req.headers[PIPELINE_SET_COOKIE] = entered.setCookie
  return false
}

let started = false

/** Starts the touch batching and hands the fast path to site/server.mjs; once per process. */
export function startFastPath(): void {
  if (started) return
  started = true
  startArrivals()
  const fastPath: FastPath = { serve: serveFast, ready: async () => readySubmissions(await pageCache.refresh()), shutdown: flushArrivals }
  ;(globalThis as Record<symbol, unknown>)[FAST_PATH] = fastPath
}
