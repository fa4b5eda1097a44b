// What a handler receives when a test calls it directly instead of through a server: an Astro
// route's context, or the request Payload hands a custom endpoint.
import type { APIContext } from 'astro'
import type { Payload, PayloadRequest } from 'payload'

/**
 * An Astro route's context with only the parts a test gives (`params`, `request`, `url`,
 * `locals`, `clientAddress`), each checked against Astro's type. The rest (cookies, redirect,
 * rewrite, site, …) is absent: a route that reaches for it fails the test, which then has to give it.
 * @example await GET(routeContext({ params: { token }, request: new Request(url), url }))
 */
export function routeContext(parts: Partial<APIContext>): APIContext {
  // The one cast: the parts given stand for the whole context.
  return parts as APIContext
}

/**
 * The request Payload hands a custom endpoint's handler, with the parts a test gives (`payload`
 * always; `user`, `routeParams`, `searchParams`, `query`, a body's `text`/`json`), each checked
 * against Payload's type. The rest (`i18n`, `t`, the data loader, …) is absent: a handler that
 * reaches for it fails the test, which then has to give it.
 */
export function endpointRequest(parts: { payload: Payload } & Partial<PayloadRequest>): PayloadRequest {
  // The one cast: the parts given stand for the whole request.
  return parts as PayloadRequest
}
