// One account request, GET or POST, in one locale: the response to send (a redirect, JSON, a
// download), or the screen to render inside the theme's layout.
import { localizedHref } from '../../../functions/content/paths'
import { accountError, type AccountErrorResponse, asResponse } from '../../../functions/members/account-errors'
import type { Locale } from '../../../functions/members/locale'
import type { ScreenModel } from '../../../functions/members/screen-model'
import { addressKey, countPost } from './guard'
import { isNotice, type Notice, NOTICES } from './messages'
import type { ActionContext, Outcome } from './outcome'
import { checkOrigin, readAccountFields, wantsJson } from './request'
import { accountRoute } from './routes'
import { loadScreen } from './screens'
import { type SignedIn, signedIn } from './session'

/** Account answers are about one person: never stored by a browser's or a proxy's cache. */
export const PRIVATE = { 'cache-control': 'private, no-store' } as const

export interface AccountRequest {
  request: Request
  url: URL
  clientAddress: string
  locale: Locale
  defaultLocale: string
  /** The path below /account. */
  rest: string | undefined
  stamp?: string | null
}

function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, ...PRIVATE })
  for (const cookie of cookies) headers.append('set-cookie', cookie)
  return new Response(null, { status: 303, headers })
}

function json(status: number, body: unknown, cookies: string[] = [], extra: Record<string, string> = {}): Response {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', ...PRIVATE, ...extra })
  for (const cookie of cookies) headers.append('set-cookie', cookie)
  return new Response(JSON.stringify(body), { status, headers })
}

const refusal = (error: AccountErrorResponse) => asResponse({ ...error, headers: { ...error.headers, ...PRIVATE } })

/**
 * Handles a request below /account. A Response for everything that is not a page to render:
 * 303 after a form's success (and to sign-in from a private page when signed out), JSON for
 * scripts (the exact refusals of functions/members account-errors), 404 for an unknown path.
 */
export async function handleAccount(input: AccountRequest): Promise<Response | ScreenModel> {
  const { request, url, locale, defaultLocale } = input
  const href = (path: string) => localizedHref(path, locale, defaultLocale)
  const route = accountRoute(input.rest)
  const base = {
    locale,
    defaultLocale,
    href,
    notice: null as string | null,
    error: null,
    values: {} as Record<string, string>,
    step: null as string | null,
  }
  if (!route) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', ...PRIVATE } })
  const api = wantsJson(request)

  if (request.method === 'GET' && route.get) {
    // WeChat's redirects: counted like a POST (each may cost a call to WeChat), read from the query string.
    const address = addressKey(input.clientAddress)
    const rate = await countPost(address)
    if (!rate.allowed) return refusal(accountError('throttled', locale, rate))
    const signed = await signedIn(request.headers.get('cookie'))
    const fields = Object.fromEntries([...url.searchParams].slice(0, 20))
    return answer(
      await route.get({ request, clientAddress: input.clientAddress, address, locale, fields, signed, href, stamp: input.stamp ?? null }),
      signed,
    )
  }
  if (request.method === 'GET' || request.method === 'HEAD') {
    const signed = await signedIn(request.headers.get('cookie'))
    if (route.private && !signed) return redirect(`${href('/account/sign-in')}?next=${encodeURIComponent(url.pathname)}`)
    if (
      signed &&
      (route.screen === 'sign-in' || route.screen === 'sign-up' || (route.screen === 'verify' && signed.member.emailVerifiedAt))
    )
      return redirect(href('/account'))
    const notice = url.searchParams.get('notice')
    const data = await loadScreen(route.screen, signed, locale, url)
    const values: Record<string, string> = {}
    const next = url.searchParams.get('next')
    if (next) values.next = next
    return {
      ...base,
      screen: route.screen,
      status: route.screen === 'unsubscribe' && !data.valid ? 400 : 200,
      signed,
      notice: isNotice(notice) ? NOTICES[notice][locale] : null,
      values,
      data,
    }
  }
  if (request.method !== 'POST' || !route.post)
    return new Response('Method not allowed', { status: 405, headers: { allow: route.post ? 'GET, POST' : 'GET', ...PRIVATE } })

  // Origin first: a cross-site request learns nothing and costs nothing.
  const crossOrigin = checkOrigin(request, locale)
  if (crossOrigin) return refusal(crossOrigin)
  const address = addressKey(input.clientAddress)
  const rate = await countPost(address)
  if (!rate.allowed) return refusal(accountError('throttled', locale, rate))
  const body = await readAccountFields(request, locale)
  if ('refused' in body) return refusal(body.refused)
  const signed = await signedIn(request.headers.get('cookie'))
  const ctx: ActionContext = {
    request,
    clientAddress: input.clientAddress,
    address,
    locale,
    fields: body.fields,
    signed,
    href,
    stamp: input.stamp ?? null,
  }
  return answer(await route.post(ctx), signed)

  async function answer(outcome: Outcome, signed: SignedIn | null): Promise<Response | ScreenModel> {
    switch (outcome.kind) {
      case 'done':
        return api
          ? json(outcome.status ?? 200, outcome.json ?? { ok: true }, outcome.cookies)
          : redirect(outcome.location, outcome.cookies)
      case 'download':
        return new Response(outcome.body, {
          status: 200,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'content-disposition': `attachment; filename="${outcome.filename}"`,
            ...PRIVATE,
          },
        })
      case 'next':
        if (api) return json(200, outcome.json ?? { ok: true })
        return {
          ...base,
          screen: route!.screen,
          status: 200,
          signed,
          notice: NOTICES[outcome.notice as Notice][locale],
          values: outcome.keep,
          step: outcome.step,
          data: await loadScreen(route!.screen, signed, locale, url),
        }
      case 'refused': {
        if (api) return refusal(outcome.error)
        const { status, body: answer, headers } = outcome.error
        // A refused form is shown again with the message and the visitor's input (never the password).
        const model: ScreenModel = {
          ...base,
          screen: route!.screen,
          status,
          signed,
          error: { message: answer.error.message, fields: answer.error.fields ?? {} },
          values: outcome.keep ?? {},
          step: outcome.step ?? null,
          data: await loadScreen(route!.screen, signed, locale, url),
        }
        if (headers['retry-after']) (model.data as Record<string, unknown>).retryAfter = headers['retry-after']
        return model
      }
    }
  }
}

export type { ScreenModel }
