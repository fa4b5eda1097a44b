import { randomBytes } from 'node:crypto'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One add_contact_way request as the stand-in received it. */
export interface ContactWayCall {
  accessToken: string
  body: Record<string, unknown>
  answer: Record<string, unknown>
}

/**
 * A local stand-in for 企业微信's server API (qyapi.weixin.qq.com), written from its published
 * shapes: `GET /cgi-bin/gettoken?corpid=…&corpsecret=…` answers `{ errcode: 0, errmsg: 'ok',
 * access_token, expires_in: 7200 }` (40013 invalid corpid, 40001 invalid credential for a wrong
 * secret); `POST /cgi-bin/externalcontact/add_contact_way?access_token=…` with a JSON body answers
 * `{ errcode: 0, errmsg: 'ok', config_id, qr_code }` (40014 invalid access_token, 42001 access_token
 * expired, 41037 missing contact way type, 60111 userid not found, 40058 for a bad state or a type-1
 * code with several users). HTTP 200 either way. `hold()` keeps gettoken answers back until released.
 */
export async function startFakeWecom({ corpId, secret, staff }: { corpId: string; secret: string; staff: string[] }) {
  const tokens = new Map<string, { expired: boolean }>()
  const contactWays: ContactWayCall[] = []
  let tokenCalls = 0
  let held: { promise: Promise<void>; release: () => void } | null = null
  const hint = () =>
    `hint: [${(Date.now() / 1000) | 0}_${randomBytes(8).toString('hex')}], from ip: 127.0.0.1, more info at ` +
    `https://open.work.weixin.qq.com/devtool/query`
  const error = (errcode: number, errmsg: string) => ({ errcode, errmsg: `${errmsg}, ${hint()}` })
  const send = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' })
    res.end(JSON.stringify(body))
  }

  function addContactWay(query: URLSearchParams, body: Record<string, unknown>): Record<string, unknown> {
    const token = tokens.get(query.get('access_token') ?? '')
    if (!token) return error(40014, 'invalid access_token')
    if (token.expired) return error(42001, 'access_token expired')
    if (body.type !== 1 && body.type !== 2) return error(41037, 'missing contact way type')
    const users = Array.isArray(body.user) ? (body.user as unknown[]) : []
    if (body.scene !== 2 || users.length === 0 || (body.type === 1 && users.length !== 1)) return error(40058, 'invalid Request Parameter')
    if (users.some((u) => typeof u !== 'string' || !staff.includes(u))) return error(60111, 'userid not found')
    if (typeof body.state !== 'string' || body.state.length > 30) return error(40058, 'invalid Request Parameter')
    const configId = randomBytes(16).toString('hex')
    return { errcode: 0, errmsg: 'ok', config_id: configId, qr_code: `https://wework.qpic.cn/wwpic/${configId}/0` }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    if (req.method === 'GET' && url.pathname === '/cgi-bin/gettoken') {
      tokenCalls++
      const answer = () => {
        if (url.searchParams.get('corpid') !== corpId) return send(res, error(40013, 'invalid corpid'))
        if (url.searchParams.get('corpsecret') !== secret) return send(res, error(40001, 'invalid credential'))
        const token = randomBytes(48).toString('base64url')
        tokens.set(token, { expired: false })
        send(res, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 })
      }
      if (held) void held.promise.then(answer)
      else answer()
      return
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/externalcontact/add_contact_way') {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        let body: Record<string, unknown>
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
        } catch {
          return send(res, error(47001, 'data format error'))
        }
        const answer = addContactWay(url.searchParams, body)
        contactWays.push({ accessToken: url.searchParams.get('access_token') ?? '', body, answer })
        send(res, answer)
      })
      return
    }
    send(res, error(-1, 'system error'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    contactWays,
    tokenCalls: () => tokenCalls,
    /** Every token issued so far expires, as after two hours. */
    expireTokens() {
      for (const token of tokens.values()) token.expired = true
    },
    /** Keeps gettoken's answers back until the returned function is called. */
    hold(): () => void {
      let release!: () => void
      const promise = new Promise<void>((resolve) => (release = resolve))
      held = { promise, release: () => ((held = null), release()) }
      return held.release
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
