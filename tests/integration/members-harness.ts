// Drives the site's account pages (site/lib/account/handle.ts) in-process against a real Payload
// on a temporary SQLite file: requests as a browser or a script sends them, from any address.
import type { Payload } from 'payload'

import type { ScreenModel } from '../../site/lib/account/handle'

export const SITE = 'http://localhost:4321'

export interface Call {
  status: number
  headers: Headers
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field; their shapes are what the tests assert
  json: Record<string, any> | null
  /** The screen, when the answer is a page to render. */
  model: ScreenModel | null
  cookies: string[]
}

export function harness(payload: Payload) {
  let handle: typeof import('../../site/lib/account/handle').handleAccount
  const load = async () => (handle ??= (await import('../../site/lib/account/handle')).handleAccount)

  async function call(
    method: 'GET' | 'POST',
    path: string,
    opts: {
      body?: unknown
      form?: Record<string, string | string[]>
      cookie?: string
      ip?: string
      origin?: string | null
      headers?: Record<string, string>
      raw?: string
      contentType?: string
    } = {},
  ): Promise<Call> {
    const url = new URL(path, SITE)
    const en = url.pathname.startsWith('/en/')
    const rest = url.pathname.replace(/^\/en/, '').replace(/^\/account\/?/, '')
    const headers = new Headers(opts.headers)
    if (opts.origin !== null) headers.set('origin', opts.origin ?? SITE)
    if (opts.cookie) headers.set('cookie', opts.cookie)
    let body: string | undefined
    if (opts.raw !== undefined) {
      body = opts.raw
      headers.set('content-type', opts.contentType ?? 'application/json')
    } else if (opts.form) {
      const data = new URLSearchParams()
      for (const [k, v] of Object.entries(opts.form)) for (const item of [v].flat()) data.append(k, item)
      body = data.toString()
      headers.set('content-type', 'application/x-www-form-urlencoded')
    } else if (method === 'POST') {
      body = JSON.stringify(opts.body ?? {})
      headers.set('content-type', 'application/json')
    }
    const request = new Request(url, { method, headers, body })
    const result = await (
      await load()
    )({ request, url, clientAddress: opts.ip ?? '203.0.113.1', locale: en ? 'en' : 'zh-CN', defaultLocale: 'zh-CN', rest })
    if (!(result instanceof Response)) return { status: result.status, headers: new Headers(), json: null, model: result, cookies: [] }
    const text = await result.text()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
    let json: Record<string, any> | null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = null
    }
    return { status: result.status, headers: result.headers, json, model: null, cookies: result.headers.getSetCookie() }
  }

  /** The session cookie a response set, as a Cookie header. */
  const sessionOf = (res: Call) => res.cookies.find((c) => c.startsWith('bs_member='))?.split(';')[0] ?? ''

  /** Runs the queued mail jobs and returns the last code mailed to `to` (from the outbox: no RESEND_API_KEY here). */
  async function codeFor(to: string, subject = ''): Promise<string> {
    await payload.jobs.run({ limit: 50 })
    const { docs } = await payload.find({
      collection: 'outbox',
      where: { and: [{ to: { equals: to } }, { subject: { contains: subject } }] },
      sort: '-id',
      limit: 1,
      depth: 0,
    })
    const code = String(docs[0]?.text ?? '').match(/\b(\d{6})\b/)?.[1]
    if (!code) throw new Error(`No code mailed to ${to}`)
    return code
  }

  async function signUp(email: string, password = 'Lantern-garden 42', extra: { cookie?: string; ip?: string; name?: string } = {}) {
    const res = await call('POST', '/en/account/sign-up', {
      body: { email, password, name: extra.name ?? 'Ada' },
      cookie: extra.cookie,
      ip: extra.ip,
    })
    if (res.status !== 201) throw new Error(`sign-up ${res.status}: ${JSON.stringify(res.json)}`)
    const cookie = sessionOf(res)
    const verified = await call('POST', '/en/account/verify', { body: { code: await codeFor(email) }, cookie, ip: extra.ip })
    if (verified.status !== 200) throw new Error(`verify ${verified.status}: ${JSON.stringify(verified.json)}`)
    const member = (await payload.find({ collection: 'members', where: { email: { equals: email } }, depth: 0 })).docs[0]!
    return { cookie, member }
  }

  return { call, codeFor, sessionOf, signUp }
}
