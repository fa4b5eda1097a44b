import type { APIRoute } from 'astro'

import { asLocale } from '../../../../functions/content/locales'
import { localizedHref, pageHref } from '../../../../functions/content/paths'
import { readFields, refusalHeaders, submitForm } from '../../../lib/form-submit'
import { siteDefaultLocale } from '../../../lib/view'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  })

/**
 * Submits a lead form from a script: 201 when stored, 422 with a message per field, 429 with
 * Retry-After when one address sends too many, and 400, 404, 413 or 415 for a request that is not
 * a submission at all. Nothing of a refused one is stored.
 */
export const POST: APIRoute = async ({ params, request, url, clientAddress, locals }) => {
  const body = await readFields(request)
  if ('refused' in body) return json(body.refused.status, { message: body.refused.message })
  const requested = url.searchParams.get('locale') ?? ''
  const locale = asLocale(requested)
  const outcome = await submitForm({
    formId: params.id,
    fields: body.fields,
    locale,
    pageUrl: request.headers.get('referer') ?? url.href,
    referrer: request.headers.get('referer'),
    userAgent: request.headers.get('user-agent') ?? '',
    clientAddress,
    cookie: request.headers.get('cookie'),
    stamp: locals.contentStamp ?? null,
  })
  switch (outcome.status) {
    case 201: {
      // A download is shown on the page at once, so it stays on the page rather than going to another.
      const path = outcome.download ? null : outcome.form.redirectPath
      const redirect = path ? localizedHref(pageHref(path), locale, await siteDefaultLocale(locals.contentStamp ?? null)) : null
      return json(201, { ok: true, message: outcome.form.successMessage ?? null, redirect, download: outcome.download?.path ?? null })
    }
    case 422:
      return json(422, { errors: outcome.errors })
    default:
      return json(outcome.status, { message: outcome.message }, refusalHeaders(outcome))
  }
}
