import type { APIRoute } from 'astro'

import { isVisitorId, readCookie, VISITOR_COOKIE } from '../../../functions/attribution/visitor'
import { followBroadcastLink } from '../../lib/stores'

/**
 * A tracked link of a broadcast: counts the click for its recipient, records the email touch, and
 * sends the reader on. The token is signed, so this is no open redirect.
 */
export const GET: APIRoute = async ({ params, request }) => {
  const cookie = readCookie(request.headers.get('cookie'), VISITOR_COOKIE)
  const target = await followBroadcastLink(String(params.token ?? ''), isVisitorId(cookie) ? cookie : null)
  if (!target)
    return new Response('This link is not valid.', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    })
  return new Response(null, { status: 302, headers: { location: target, 'cache-control': 'no-store' } })
}
