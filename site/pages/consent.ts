import type { APIRoute } from 'astro'

import { siteUrl } from '../../cms/environment'
import { consentCookie } from '../../functions/attribution/visitor'
import { readSmallForm } from '../lib/small-form'

/**
 * The cookie banner's answer (themes/shared/ConsentBanner.astro): keeps it in a cookie and sends
 * the visitor back to the page they were on. Only this site's own pages may post it.
 */
export const POST: APIRoute = async ({ request, url }) => {
  const origin = request.headers.get('origin')
  if (origin && origin !== url.origin && origin !== new URL(siteUrl).origin)
    return new Response('Cross-site request refused.', { status: 403 })
  const form = await readSmallForm(request)
  if (form === 'too-large') return new Response('The request is too large.', { status: 413 })
  const answer = form?.get('answer')
  if (answer !== 'yes' && answer !== 'no') return new Response('answer must be yes or no.', { status: 400 })
  const back = String(form?.get('back') ?? '/')
  // Only a path on this site: '//host' and '/\host' would leave it.
  const target = /^\/(?![/\\])[^\s]*$/.test(back) ? back : '/'
  return new Response(null, {
    status: 303,
    headers: { location: target, 'set-cookie': consentCookie(answer, siteUrl.startsWith('https:')), 'cache-control': 'no-store' },
  })
}
