import { randomBytes } from 'node:crypto'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A WeChat user as the stand-in plays them: an openid per app, a unionid across the brand's apps, a profile. */
export interface FakeWechatUser {
  openids: Record<string, string>
  unionid: string
  nickname: string
  headimgurl: string
  /** The next authorisation is declined (WeChat sends the visitor back with the state and no code). */
  declines?: boolean
}

interface IssuedCode {
  appId: string
  scope: string
  user: FakeWechatUser
  issuedAt: number
  used: boolean
}

/** One call the server made to the stand-in's API, as received. */
export interface ApiCall {
  path: string
  query: Record<string, string>
  answer: Record<string, unknown>
}

/**
 * A local stand-in for WeChat's web sign-in, written from the published request and answer shapes:
 * `GET /connect/oauth2/authorize` (official account, snsapi_base or snsapi_userinfo) and
 * `GET /connect/qrconnect` (open platform website app, snsapi_login), where the stand-in plays the
 * visitor who taps "allow" (or scans) and answers 302 to `redirect_uri?code=…&state=…`;
 * `GET /sns/oauth2/access_token` and `GET /sns/userinfo`, which answer HTTP 200 with JSON, and
 * `{ errcode, errmsg }` on failure: 40029 invalid code (unknown, another app's, or over five
 * minutes old), 40163 code been used, 40125 invalid appsecret, 40013 invalid appid, 40002 invalid
 * grant_type, 40001 invalid credential, 40003 invalid openid, 48001 api unauthorized (userinfo
 * with a snsapi_base token). `unionid` comes with snsapi_userinfo and snsapi_login, as WeChat documents.
 */
export async function startFakeWechat(apps: Record<string, { secret: string; kind: 'mp' | 'web' }>) {
  const codes = new Map<string, IssuedCode>()
  const tokens = new Map<string, { appId: string; scope: string; user: FakeWechatUser }>()
  const calls: ApiCall[] = []
  const authorizations: { path: string; query: Record<string, string> }[] = []
  let user: FakeWechatUser | null = null
  let now = () => Date.now()

  const rid = () => `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`
  const error = (errcode: number, errmsg: string) => ({ errcode, errmsg: `${errmsg}, rid: ${rid()}` })
  const send = (res: ServerResponse, status: number, body: string, type = 'application/json; encoding=utf-8') => {
    res.writeHead(status, { 'content-type': type })
    res.end(body)
  }

  function authorize(path: string, query: Record<string, string>, res: ServerResponse) {
    authorizations.push({ path, query })
    const app = apps[query.appid ?? '']
    const allowed = path === '/connect/qrconnect' ? ['snsapi_login'] : ['snsapi_base', 'snsapi_userinfo']
    // WeChat shows an error page (not a redirect) for a wrong app, scope or address.
    if (!app || (path === '/connect/qrconnect') !== (app.kind === 'web'))
      return send(res, 400, '参数错误 (appid)', 'text/html; charset=utf-8')
    if (query.response_type !== 'code' || !allowed.includes(query.scope ?? ''))
      return send(res, 400, 'Scope 参数错误或没有 Scope 权限', 'text/html; charset=utf-8')
    if (!/^https?:\/\//.test(query.redirect_uri ?? '')) return send(res, 400, 'redirect_uri 参数错误', 'text/html; charset=utf-8')
    if (query.state !== undefined && !/^[A-Za-z0-9]{0,128}$/.test(query.state))
      return send(res, 400, 'state 参数错误', 'text/html; charset=utf-8')
    if (!user) return send(res, 400, 'no visitor is playing', 'text/plain')
    const back = new URL(query.redirect_uri!)
    if (!user.declines) {
      const code = randomBytes(16).toString('hex')
      codes.set(code, { appId: query.appid!, scope: query.scope!, user, issuedAt: now(), used: false })
      back.searchParams.set('code', code)
    }
    back.searchParams.set('state', query.state ?? '')
    res.writeHead(302, { location: back.toString() })
    res.end()
  }

  function accessToken(query: Record<string, string>): Record<string, unknown> {
    if (query.grant_type !== 'authorization_code') return error(40002, 'invalid grant_type')
    const app = apps[query.appid ?? '']
    if (!app) return error(40013, 'invalid appid')
    if (query.secret !== app.secret) return error(40125, 'invalid appsecret')
    const issued = codes.get(query.code ?? '')
    if (!issued || issued.appId !== query.appid || now() - issued.issuedAt > 5 * 60_000) return error(40029, 'invalid code')
    if (issued.used) return error(40163, 'code been used')
    issued.used = true
    const token = randomBytes(24).toString('base64url')
    tokens.set(token, { appId: issued.appId, scope: issued.scope, user: issued.user })
    const answer: Record<string, unknown> = {
      access_token: token,
      expires_in: 7200,
      refresh_token: randomBytes(24).toString('base64url'),
      openid: issued.user.openids[issued.appId],
      scope: issued.scope,
    }
    if (issued.scope !== 'snsapi_base') answer.unionid = issued.user.unionid
    if (issued.scope === 'snsapi_base') answer.is_snapshotuser = 0
    return answer
  }

  function userInfo(query: Record<string, string>): Record<string, unknown> {
    const token = tokens.get(query.access_token ?? '')
    if (!token) return error(40001, 'invalid credential, access_token is invalid or not latest')
    if (token.user.openids[token.appId] !== query.openid) return error(40003, 'invalid openid')
    if (token.scope === 'snsapi_base') return error(48001, 'api unauthorized')
    const u = token.user
    return {
      openid: query.openid,
      nickname: u.nickname,
      sex: 0,
      language: '',
      city: '',
      province: '',
      country: 'CN',
      headimgurl: u.headimgurl,
      privilege: [],
      unionid: u.unionid,
    }
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    const query = Object.fromEntries(url.searchParams)
    if (req.method !== 'GET') return send(res, 405, 'method not allowed', 'text/plain')
    if (url.pathname === '/connect/oauth2/authorize' || url.pathname === '/connect/qrconnect') return authorize(url.pathname, query, res)
    let answer: Record<string, unknown>
    if (url.pathname === '/sns/oauth2/access_token') answer = accessToken(query)
    else if (url.pathname === '/sns/userinfo') answer = userInfo(query)
    else answer = error(-1, 'system error')
    calls.push({ path: url.pathname, query, answer })
    send(res, 200, JSON.stringify(answer))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    calls,
    authorizations,
    /** The visitor who answers the next authorisations. */
    playAs(next: FakeWechatUser | null) {
      user = next
    },
    setClock(clock: () => number) {
      now = clock
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
