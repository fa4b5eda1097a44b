import { defineMiddleware } from 'astro:middleware'

import { cacheControlFor } from '../functions/http/cache-control'
import { previewUser } from './lib/cms'
import { startFastPath } from './lib/fast-path'
import { pageCache } from './lib/page-cache'
import { type Answer, enter, headersFor, lookup, PIPELINE_ENTERED, PIPELINE_SET_COOKIE, type PipelineRequest, store } from './lib/pipeline'
import { previewGrant } from './lib/preview'

const toResponse = (answer: Answer) =>
  new Response(answer.body as Uint8Array<ArrayBuffer> | null, { status: answer.status, headers: answer.headers })

/**
 * The request pipeline (site/lib/pipeline.ts) inside Astro: the stages the fast path did not run
 * (all of them in dev), the preview, the render, the cache store, and the headers every response
 * leaves with.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  startFastPath()
  const { request, url, locals, cookies } = context
  const headers = request.headers
  const pipelineRequest: PipelineRequest = {
    method: request.method,
    pathname: url.pathname,
    search: url.search,
    cookie: headers.get('cookie'),
    host: headers.get('host'),
    userAgent: headers.get('user-agent'),
    referrer: headers.get('referer'),
    acceptEncoding: headers.get('accept-encoding'),
    ifNoneMatch: headers.get('if-none-match'),
  }
  // site/server.mjs removes these headers from what clients send: only its fast path sets them.
  const fastPathRan = headers.get(PIPELINE_ENTERED) === 'yes'
  let setCookie = fastPathRan ? headers.get(PIPELINE_SET_COOKIE) : null
  if (fastPathRan) locals.contentStamp = await pageCache.refresh()
  else {
    const entered = await enter(pipelineRequest)
    if ('answer' in entered) return toResponse(entered.answer)
    locals.contentStamp = entered.stamp
    setCookie = entered.setCookie
  }

  const grant = previewGrant(cookies)
  if (grant) locals.previewUser = await previewUser(grant.userId)
  if (!locals.previewUser && !fastPathRan) {
    const hit = lookup(pipelineRequest, setCookie)
    if (hit) return toResponse(hit)
  }

  const renderedAt = locals.contentStamp
  const response = await next()
  const out = new Headers(response.headers)
  if (setCookie) out.append('set-cookie', setCookie)
  if (locals.previewUser) out.set('cache-control', 'private, no-store')
  const type = out.get('content-type') ?? ''
  if (!locals.cacheable && !type.startsWith('text/html')) return finish(response.body, response.status, out, url.pathname, undefined)
  // Pages are small: read whole, to cache them and to hash their inline scripts into the CSP.
  const body = new Uint8Array(await response.arrayBuffer())
  const stored = store(
    pipelineRequest,
    {
      status: response.status,
      headers: out,
      body,
      declared: Boolean(locals.cacheable && !locals.previewUser),
      gated: Boolean(locals.gated),
    },
    renderedAt ?? null,
  )
  if (stored) return toResponse(stored)
  return finish(
    request.method === 'HEAD' ? null : body,
    response.status,
    out,
    url.pathname,
    type.startsWith('text/html') ? new TextDecoder().decode(body) : undefined,
  )
})

/** A response that is not cached: its security headers, and private when it sets a cookie. */
function finish(body: BodyInit | null, status: number, headers: Headers, pathname: string, html: string | undefined): Response {
  for (const [name, value] of headersFor(pathname, html)) if (!headers.has(name)) headers.set(name, value)
  const cacheControl = cacheControlFor(headers.get('cache-control'), headers.has('set-cookie'))
  if (cacheControl) headers.set('cache-control', cacheControl)
  return new Response([204, 205, 304].includes(status) ? null : body, { status, headers })
}
