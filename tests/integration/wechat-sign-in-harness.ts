// Shared by the wechat-sign-in-*.test.ts files: the account pages in-process against a real Payload on its own
// SQLite file (one per test file, see payload.ts), WeChat's OAuth played by a stand-in on a local port. The
// bindings below are live: each test file calls useWechatSignIn() once, and they are set in its beforeAll.
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect } from 'vitest'

import { type FakeWechatUser, startFakeWechat } from './fake-wechat'
import { harness } from './members-harness'
import { startPayload } from './payload'

export const MP = { appId: 'wx0mp0official0acct', secret: 'mp-secret-4a7b9c' }
export const WEB = { appId: 'wx0web0website0app', secret: 'web-secret-1d2e3f' }
export const IN_WECHAT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 ' +
  'MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN'
export const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'

export let payload: Payload
let cleanup: () => Promise<void>
export let h: ReturnType<typeof harness>
export let wechat: Awaited<ReturnType<typeof startFakeWechat>>

/** Boots Payload for the calling test file, with the WeChat stand-in playing both apps: the official account and the website app. */
export function useWechatSignIn(): void {
  beforeAll(async () => {
    wechat = await startFakeWechat({ [MP.appId]: { secret: MP.secret, kind: 'mp' }, [WEB.appId]: { secret: WEB.secret, kind: 'web' } })
    Object.assign(process.env, {
      WECHAT_MP_APP_ID: MP.appId,
      WECHAT_MP_APP_SECRET: MP.secret,
      WECHAT_WEB_APP_ID: WEB.appId,
      WECHAT_WEB_APP_SECRET: WEB.secret,
      WECHAT_OPEN_BASE_URL: wechat.url,
      WECHAT_API_BASE_URL: wechat.url,
    })
    ;({ payload, cleanup } = await startPayload())
    h = harness(payload)
  })
  afterAll(async () => {
    await cleanup?.()
    await wechat?.close()
  })
}

let serial = 0
/** A WeChat user of their own for each test: openids per app, one unionid. */
export function wechatUser(extra: Partial<FakeWechatUser> = {}): FakeWechatUser {
  serial++
  return {
    openids: { [MP.appId]: `oMP${serial}xxxxxxxxxxxxxxxxxxxxxx`, [WEB.appId]: `oWEB${serial}xxxxxxxxxxxxxxxxxxxxx` },
    unionid: `oUNION${serial}xxxxxxxxxxxxxxxxxxx`,
    nickname: `微信用户${serial}`,
    headimgurl: `http://thirdwx.qlogo.cn/mmopen/avatar${serial}/132`,
    ...extra,
  }
}

export const cookieOf = (cookies: string[], name: string) => cookies.find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? ''

/** WeChat's authorisation, played by the stand-in: the address it sends the browser back to. */
export async function atWechat(location: string): Promise<URL> {
  const answer = await fetch(new URL(location), { redirect: 'manual' })
  expect(answer.status).toBe(302)
  return new URL(answer.headers.get('location')!)
}

/**
 * "Sign in with WeChat": the site's start, WeChat's authorisation played by the stand-in, the site's callback (and WeChat again
 * when the site asks for the profile).
 */
export async function viaWechat(opts: { ua: string; query?: string; session?: string; ip: string }) {
  const start = await h.call('GET', `/en/account/wechat${opts.query ?? ''}`, {
    headers: { 'user-agent': opts.ua },
    cookie: opts.session,
    ip: opts.ip,
  })
  expect(start.status).toBe(303)
  const authorize = new URL(start.headers.get('location')!)
  const stateCookie = cookieOf(start.cookies, 'bs_wechat_state')
  const back = await atWechat(start.headers.get('location')!)
  const browserCookie = (state: string) => [state, opts.session].filter(Boolean).join('; ')
  const callback = (path = back.pathname + back.search, cookie = browserCookie(stateCookie)) =>
    h.call('GET', path, { headers: { 'user-agent': opts.ua }, cookie, ip: opts.ip })
  let done = await callback()
  const upgrades: URL[] = []
  while (done.status === 303 && done.headers.get('location')!.startsWith(wechat.url) && upgrades.length < 2) {
    upgrades.push(new URL(done.headers.get('location')!))
    const again = await atWechat(done.headers.get('location')!)
    done = await callback(again.pathname + again.search, browserCookie(cookieOf(done.cookies, 'bs_wechat_state')))
  }
  return { start, authorize, stateCookie, back, callback, upgrades, done }
}

export const members = async () => (await payload.find({ collection: 'members', depth: 0, limit: 100, sort: 'id' })).docs
export const ownerOf = async (key: string) =>
  (await payload.find({ collection: 'member-identities', where: { key: { equals: key } }, depth: 0 })).docs[0]?.member ?? null
export const tokenCalls = () => wechat.calls.filter((c) => c.path === '/sns/oauth2/access_token').length
