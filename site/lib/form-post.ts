// POST /api/forms/:id, the lead form's submission from a script (the site's own for every form,
// see themes/shared/enhance-form.ts, or anyone's), answered in JSON. One answer whichever server
// takes the request: Astro's route (site/pages/api/forms/[id].ts) or, in production, the fast path
// on Node's request (site/lib/fast-path.ts), which skips building a Request, Astro's routing,
// middleware and response streams: in a campaign's burst those were most of a submission's time.
import type { IncomingMessage, ServerResponse } from 'node:http'

import { asLocale } from '../../functions/content/locales'
import { localizedHref, pageHref } from '../../functions/content/paths'
import { readFields, refusalHeaders, submitForm } from './form-submit'
import type { BodySource } from './read-body'
import { siteDefaultLocale } from './view'

/** What the answer is made from: the form's id, the request, who sent it and the content stamp rendered from. */
export interface FormPost {
  formId: unknown
  request: BodySource
  url: URL
  clientAddress: string
  stamp: string | null
}

/** A JSON answer: status, body, and headers beyond the content type. */
export interface JsonAnswer {
  status: number
  body: unknown
  headers: Record<string, string>
}

/**
 * Submits a lead form from a script: 201 when stored, 422 with a message per field, 429 with
 * Retry-After when one address sends too many, and 400, 404, 413 or 415 for a request that is not
 * a submission at all. Nothing of a refused one is stored.
 */
export async function answerFormPost({ formId, request, url, clientAddress, stamp }: FormPost): Promise<JsonAnswer> {
  const body = await readFields(request)
  if ('refused' in body) return { status: body.refused.status, body: { message: body.refused.message }, headers: {} }
  const locale = asLocale(url.searchParams.get('locale') ?? '')
  const outcome = await submitForm({
    formId,
    fields: body.fields,
    locale,
    pageUrl: request.headers.get('referer') ?? url.href,
    referrer: request.headers.get('referer'),
    userAgent: request.headers.get('user-agent') ?? '',
    clientAddress,
    cookie: request.headers.get('cookie'),
    stamp,
  })
  switch (outcome.status) {
    case 201: {
      // A download is shown on the page at once, so it stays on the page rather than going to another.
      const path = outcome.download ? null : outcome.form.redirectPath
      const redirect = path ? localizedHref(pageHref(path), locale, await siteDefaultLocale(stamp)) : null
      const { successMessage } = outcome.form
      return {
        status: 201,
        body: { ok: true, message: successMessage ?? null, redirect, download: outcome.download?.path ?? null },
        headers: {},
      }
    }
    case 422:
      return { status: 422, body: { errors: outcome.errors }, headers: {} }
    default:
      return { status: outcome.status, body: { message: outcome.message }, headers: refusalHeaders(outcome) }
  }
}

const FORM_PATH = /^\/api\/forms\/([^/]+)\/?$/

/**
 * The fast path's part: answers a JSON submission on Node's request and says true, or false for
 * anything else. Form-encoded and multipart posts stay with Astro, whose origin check refuses them
 * from another site; a JSON post from another site's page is stopped by the browser (CORS).
 * site/server.mjs has settled the client's address and the URL's host and scheme beforehand.
 */
export async function serveFormPost(
  req: IncomingMessage,
  res: ServerResponse,
  stamp: string | null,
  setCookie: string | null,
): Promise<boolean> {
  if (req.method !== 'POST') return false
  const match = FORM_PATH.exec((req.url ?? '/').split('?', 1)[0]!)
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (!match || type !== 'application/json') return false
  const url = new URL(req.url!, `${isEncrypted(req) ? 'https' : 'http'}://${req.headers['x-forwarded-host'] ?? req.headers.host}`)
  const headers = { get: (name: string) => [req.headers[name]].flat()[0] ?? null }
  // Taken from here on: Astro cannot answer a request whose body has been read.
  const answer = await answerFormPost({
    // Undecoded: a form's id is digits or hex, and anything else is a 404 either way.
    formId: match[1]!,
    // Ending the iterator early (a body over the limit) must not destroy the socket the 413 goes out on.
    request: { headers, body: req.iterator({ destroyOnReturn: false }) },
    url,
    clientAddress: [req.headers['x-forwarded-for']].flat()[0] ?? req.socket.remoteAddress ?? '',
    stamp,
  }).catch((error: unknown): JsonAnswer => {
    console.error('Submission not stored:', error instanceof Error ? error.message : error)
    return { status: 500, body: { message: 'The submission could not be stored. Try again in a moment.' }, headers: {} }
  })
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...answer.headers,
    ...(setCookie ? { 'set-cookie': setCookie } : {}),
  })
  res.end(JSON.stringify(answer.body))
  if (answer.status === 413) lingerThenClose(req)
  return true
}

/** How long a client still sending a refused body is read (and dropped) after its 413. */
const LINGER_MS = 5000

/**
 * A body refused part-way: what the client still sends is read and dropped until it stops, as
 * nginx's lingering close does. Closed at once with data unread, the connection is reset under the
 * client's writes (EPIPE), often before it has read the 413. A client that goes on sending is cut
 * off after LINGER_MS; nothing is kept in memory meanwhile.
 */
function lingerThenClose(req: IncomingMessage): void {
  const cutOff = setTimeout(() => req.socket.destroy(), LINGER_MS).unref()
  req.once('close', () => clearTimeout(cutOff))
  req.resume()
}

const isEncrypted = (req: IncomingMessage) => Boolean((req.socket as { encrypted?: boolean }).encrypted)
