/**
 * WeChat's web sign-in endpoints, as the official account's web authorisation (网页授权) and the open
 * platform's website login (网站应用微信登录) document them: the visitor goes to `authorize` or
 * `qrconnect` and comes back with a `code`; the server swaps it at `sns/oauth2/access_token` for the
 * openid (and unionid) and reads the profile at `sns/userinfo`. Failures answer HTTP 200 with
 * `{ errcode, errmsg }`.
 */
export interface WechatApp {
  appId: string
  secret: string
}

export interface WechatEndpoints {
  /** `https://open.weixin.qq.com`, where the visitor is sent. */
  openBase: string
  /** `https://api.weixin.qq.com`, what the server calls. */
  apiBase: string
  fetch: typeof fetch
}

/** The answer of `sns/oauth2/access_token`. */
export interface SnsToken {
  access_token: string
  expires_in: number
  refresh_token: string
  openid: string
  scope: string
  unionid?: string
  /** 1 when the visitor only previewed the page in a "snapshot" (朋友圈 preview) and no real openid exists. */
  is_snapshotuser?: number
}

/** The answer of `sns/userinfo`. */
export interface SnsUserInfo {
  openid: string
  nickname: string
  sex: number
  province: string
  city: string
  country: string
  headimgurl: string
  privilege: string[]
  unionid?: string
}

/**
 * An errcode from WeChat (40029 invalid code, 40163 code been used, 48001 api unauthorized, …),
 * or -1 when WeChat could not be reached or answered nonsense.
 */
export class WechatApiError extends Error {
  override name = 'WechatApiError'
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat answered errcode ${errcode}: ${errmsg}`)
  }
}

/** The codes that mean "this code is no good": the visitor starts again. */
export const REJECTED_CODE_ERRORS: ReadonlySet<number> = new Set([40029, 40163])

/**
 * Where to send the visitor: `connect/oauth2/authorize` inside WeChat (snsapi_base or
 * snsapi_userinfo), `connect/qrconnect` on a desktop (snsapi_login). WeChat reads the parameters in
 * this order and needs `#wechat_redirect`.
 * @example authorizeUrl(endpoints, 'wx…', { redirectUri, scope: 'snsapi_base', state })
 *   // 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=…#wechat_redirect'
 */
export function authorizeUrl(
  endpoints: Pick<WechatEndpoints, 'openBase'>,
  appId: string,
  { redirectUri, scope, state }: { redirectUri: string; scope: 'snsapi_base' | 'snsapi_userinfo' | 'snsapi_login'; state: string },
): string {
  const path = scope === 'snsapi_login' ? '/connect/qrconnect' : '/connect/oauth2/authorize'
  const query = new URLSearchParams({ appid: appId, redirect_uri: redirectUri, response_type: 'code', scope, state })
  return `${endpoints.openBase.replace(/\/$/, '')}${path}?${query}#wechat_redirect`
}

async function call<T>(endpoints: WechatEndpoints, path: string, query: Record<string, string>): Promise<T> {
  const url = `${endpoints.apiBase.replace(/\/$/, '')}${path}?${new URLSearchParams(query)}`
  let text: string
  try {
    const response = await endpoints.fetch(url, { signal: AbortSignal.timeout(5000) })
    if (!response.ok) throw new WechatApiError(-1, `HTTP ${response.status}`)
    text = await response.text()
  } catch (error) {
    if (error instanceof WechatApiError) throw error
    throw new WechatApiError(-1, error instanceof Error ? error.message : 'unreachable')
  }
  let body: Record<string, unknown>
  try {
    body = JSON.parse(text) as Record<string, unknown>
  } catch {
    throw new WechatApiError(-1, 'not JSON')
  }
  if (typeof body.errcode === 'number' && body.errcode !== 0) throw new WechatApiError(body.errcode, String(body.errmsg ?? ''))
  return body as T
}

/** Swaps a sign-in code for the visitor's openid (and unionid when the app is bound to an open platform account). */
export async function exchangeCode(endpoints: WechatEndpoints, app: WechatApp, code: string): Promise<SnsToken> {
  const token = await call<SnsToken>(endpoints, '/sns/oauth2/access_token', {
    appid: app.appId,
    secret: app.secret,
    code,
    grant_type: 'authorization_code',
  })
  if (typeof token.openid !== 'string' || !token.openid || typeof token.access_token !== 'string') throw new WechatApiError(-1, 'no openid')
  return token
}

/** The visitor's name and avatar (snsapi_userinfo or snsapi_login only; snsapi_base answers 48001). */
export async function readUserInfo(
  endpoints: WechatEndpoints,
  token: Pick<SnsToken, 'access_token' | 'openid'>,
  lang: 'zh_CN' | 'en' = 'zh_CN',
): Promise<SnsUserInfo> {
  return call<SnsUserInfo>(endpoints, '/sns/userinfo', { access_token: token.access_token, openid: token.openid, lang })
}

/** Whether a User-Agent is WeChat's in-app browser (企业微信's says MicroMessenger too). */
export const isWechatBrowser = (userAgent: string | null | undefined) => /\bMicroMessenger\//i.test(userAgent ?? '')

/** The identity keys of member-identities: one per app's openid, one for the unionid across the brand's apps. */
export const openidKey = (appId: string, openid: string) => `wechat:${appId}:${openid}`
export const unionidKey = (unionid: string) => `unionid:${unionid}`
