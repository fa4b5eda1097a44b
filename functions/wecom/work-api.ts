import type { TokenCache } from './access-token'

/**
 * 企业微信's server API (qyapi.weixin.qq.com): JSON answers with `errcode` 0 on success and
 * `{ errcode, errmsg }` otherwise, HTTP 200 either way.
 */
export class WorkApiError extends Error {
  override name = 'WorkApiError'
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`企业微信 answered errcode ${errcode}: ${errmsg}`)
  }
}

/**
 * The errcodes that mean the token is no good any more (42001 expired, 40014 invalid,
 * 40001 invalid credential): fetch a new one and try once more.
 */
export const STALE_TOKEN_ERRORS: ReadonlySet<number> = new Set([42001, 40014, 40001])

export interface WorkEndpoint {
  /** `https://qyapi.weixin.qq.com`. */
  base: string
  fetch: typeof fetch
}

async function send<T>(endpoint: WorkEndpoint, path: string, query: Record<string, string>, body?: unknown): Promise<T> {
  const url = `${endpoint.base.replace(/\/$/, '')}${path}?${new URLSearchParams(query)}`
  let text: string
  try {
    const response = await endpoint.fetch(
      url,
      body === undefined
        ? { signal: AbortSignal.timeout(5000) }
        : {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(5000),
          },
    )
    if (!response.ok) throw new WorkApiError(-1, `HTTP ${response.status}`)
    text = await response.text()
  } catch (error) {
    if (error instanceof WorkApiError) throw error
    throw new WorkApiError(-1, error instanceof Error ? error.message : 'unreachable')
  }
  let answer: Record<string, unknown>
  try {
    answer = JSON.parse(text) as Record<string, unknown>
  } catch {
    throw new WorkApiError(-1, 'not JSON')
  }
  if (typeof answer.errcode === 'number' && answer.errcode !== 0) throw new WorkApiError(answer.errcode, String(answer.errmsg ?? ''))
  return answer as T
}

/** `GET /cgi-bin/gettoken?corpid=…&corpsecret=…`: a token and its lifetime in seconds (7200). */
export async function getToken(
  endpoint: WorkEndpoint,
  corp: { corpId: string; secret: string },
): Promise<{ token: string; expiresIn: number }> {
  const answer = await send<{ access_token?: string; expires_in?: number }>(endpoint, '/cgi-bin/gettoken', {
    corpid: corp.corpId,
    corpsecret: corp.secret,
  })
  if (typeof answer.access_token !== 'string' || typeof answer.expires_in !== 'number') throw new WorkApiError(-1, 'no access_token')
  return { token: answer.access_token, expiresIn: answer.expires_in }
}

/** A call with the cached token; a stale token is dropped and the call made once more with a fresh one. */
export async function withToken<T>(cache: TokenCache, call: (token: string) => Promise<T>): Promise<T> {
  const token = await cache.token()
  try {
    return await call(token)
  } catch (error) {
    if (!(error instanceof WorkApiError) || !STALE_TOKEN_ERRORS.has(error.errcode)) throw error
    await cache.invalidate(token)
    return call(await cache.token())
  }
}

/** What a live code is for: one staff member, or several who take turns (企业微信 rotates among them). */
export interface ContactWayRequest {
  users: string[]
  /** Up to 30 characters; comes back in the add_external_contact event. */
  state: string
  remark: string
}

/**
 * `POST /cgi-bin/externalcontact/add_contact_way`: a "联系我" QR code (scene 2); type 1 for one
 * staff member, 2 for several. Answers its config_id and the QR image's address.
 */
export async function addContactWay(
  endpoint: WorkEndpoint,
  cache: TokenCache,
  request: ContactWayRequest,
): Promise<{ configId: string; qrCode: string }> {
  const body = {
    type: request.users.length === 1 ? 1 : 2,
    scene: 2,
    remark: request.remark.slice(0, 30),
    skip_verify: true,
    state: request.state,
    user: request.users,
  }
  const answer = await withToken(cache, (token) =>
    send<{ config_id?: string; qr_code?: string }>(endpoint, '/cgi-bin/externalcontact/add_contact_way', { access_token: token }, body),
  )
  if (typeof answer.config_id !== 'string' || typeof answer.qr_code !== 'string') throw new WorkApiError(-1, 'no config_id')
  return { configId: answer.config_id, qrCode: answer.qr_code }
}
