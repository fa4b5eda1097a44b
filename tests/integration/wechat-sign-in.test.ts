import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type FakeWechatUser, startFakeWechat } from './fake-wechat'
import { harness } from './members-harness'
import { startPayload } from './payload'

const MP = { appId: 'wx0mp0official0acct', secret: 'mp-secret-4a7b9c' }
const WEB = { appId: 'wx0web0website0app', secret: 'web-secret-1d2e3f' }
const IN_WECHAT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN'
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'

let payload: Payload
let cleanup: () => Promise<void>
let h: ReturnType<typeof harness>
let wechat: Awaited<ReturnType<typeof startFakeWechat>>

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

let serial = 0
/** A WeChat user of their own for each test: openids per app, one unionid. */
function wechatUser(extra: Partial<FakeWechatUser> = {}): FakeWechatUser {
  serial++
  return {
    openids: { [MP.appId]: `oMP${serial}xxxxxxxxxxxxxxxxxxxxxx`, [WEB.appId]: `oWEB${serial}xxxxxxxxxxxxxxxxxxxxx` },
    unionid: `oUNION${serial}xxxxxxxxxxxxxxxxxxx`,
    nickname: `微信用户${serial}`,
    headimgurl: `http://thirdwx.qlogo.cn/mmopen/avatar${serial}/132`,
    ...extra,
  }
}

const cookieOf = (cookies: string[], name: string) => cookies.find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? ''

/** WeChat's authorisation, played by the stand-in: the address it sends the browser back to. */
async function atWechat(location: string): Promise<URL> {
  const answer = await fetch(new URL(location), { redirect: 'manual' })
  expect(answer.status).toBe(302)
  return new URL(answer.headers.get('location')!)
}

/** "Sign in with WeChat": the site's start, WeChat's authorisation played by the stand-in, the site's callback (and WeChat again when the site asks for the profile). */
async function viaWechat(opts: { ua: string; query?: string; session?: string; ip: string }) {
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

const members = async () => (await payload.find({ collection: 'members', depth: 0, limit: 100, sort: 'id' })).docs
const ownerOf = async (key: string) =>
  (await payload.find({ collection: 'member-identities', where: { key: { equals: key } }, depth: 0 })).docs[0]?.member ?? null
const tokenCalls = () => wechat.calls.filter((c) => c.path === '/sns/oauth2/access_token').length

describe('inside WeChat: the official account’s web authorisation', () => {
  it('asks a new visitor once to share their profile (snsapi_base, then snsapi_userinfo), opens an account linked to the openid and unionid, and signs them in silently after', async () => {
    const user = wechatUser()
    wechat.playAs(user)
    const before = (await members()).length
    const { start, authorize, back, upgrades, done } = await viaWechat({
      ua: IN_WECHAT,
      query: '?next=/en/account/membership',
      ip: '198.51.100.21',
    })
    expect(start.headers.get('location')).toMatch(
      new RegExp(
        `^${wechat.url}/connect/oauth2/authorize\\?appid=${MP.appId}&redirect_uri=http%3A%2F%2Flocalhost%3A4321%2Fen%2Faccount%2Fwechat%2Fcallback&response_type=code&scope=snsapi_base&state=[0-9a-f]{64}#wechat_redirect$`,
      ),
    )
    expect(start.cookies.find((c) => c.startsWith('bs_wechat_state='))).toMatch(/; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax$/)
    expect(start.headers.get('location')).not.toContain(MP.secret)
    expect(back.searchParams.get('state')).toBe(authorize.searchParams.get('state'))
    // The silent answer was someone new: WeChat is asked for the profile, under a new state.
    expect(upgrades.map((u) => [u.pathname, u.searchParams.get('scope')])).toEqual([['/connect/oauth2/authorize', 'snsapi_userinfo']])
    expect(upgrades[0]!.searchParams.get('state')).not.toBe(authorize.searchParams.get('state'))

    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe('/en/account/membership')
    const session = cookieOf(done.cookies, 'bs_member')
    expect(session).toMatch(/^bs_member=/)
    expect(done.cookies.find((c) => c.startsWith('bs_wechat_state='))).toMatch(/^bs_wechat_state=; Path=\/; Max-Age=0/)
    // Each code was swapped on the server with the app's secret, exactly as WeChat documents, and the profile read with the token.
    const tokenRequests = wechat.calls.filter((c) => c.path === '/sns/oauth2/access_token').slice(-2)
    expect(tokenRequests.map((c) => c.query)).toEqual([
      { appid: MP.appId, secret: MP.secret, code: back.searchParams.get('code'), grant_type: 'authorization_code' },
      { appid: MP.appId, secret: MP.secret, code: expect.stringMatching(/^[0-9a-f]{32}$/), grant_type: 'authorization_code' },
    ])
    expect(wechat.calls.at(-1)).toMatchObject({ path: '/sns/userinfo', query: { openid: user.openids[MP.appId], lang: 'en' } })

    const all = await members()
    expect(all).toHaveLength(before + 1)
    const member = all.at(-1)!
    expect(member.email).toMatch(/@no-mailbox\.invalid$/)
    expect(member).toMatchObject({
      name: user.nickname,
      avatarUrl: user.headimgurl.replace('http://', 'https://'),
      phone: null,
      emailVerifiedAt: null,
      preferredLanguage: 'en',
    })
    expect(await ownerOf(`wechat:${MP.appId}:${user.openids[MP.appId]}`)).toBe(member.id)
    expect(await ownerOf(`unionid:${user.unionid}`)).toBe(member.id)
    const lead = (await payload.find({ collection: 'leads', where: { member: { equals: member.id } }, depth: 0 })).docs[0]!
    expect(lead).toMatchObject({ email: null, phone: null, status: 'new', becameMemberAt: expect.any(String) })
    expect((await h.call('GET', '/en/account', { cookie: session })).model?.signed?.member.id).toBe(member.id)

    // Known now: one silent tap, no profile asked, no userinfo read.
    const calls = wechat.calls.length
    const again = await viaWechat({ ua: IN_WECHAT, ip: '198.51.100.21' })
    expect(again.upgrades).toEqual([])
    expect(again.done.status).toBe(303)
    expect(again.done.headers.get('location')).toBe('/en/account')
    expect(wechat.calls.slice(calls).map((c) => c.path)).toEqual(['/sns/oauth2/access_token'])
    expect((await h.call('GET', '/en/account', { cookie: cookieOf(again.done.cookies, 'bs_member') })).model?.signed?.member.id).toBe(
      member.id,
    )
    expect(await members()).toHaveLength(before + 1)
  })

  it('asks for the name and avatar (snsapi_userinfo) when the visitor agrees, and keeps them with the unionid', async () => {
    const user = wechatUser()
    wechat.playAs(user)
    const { authorize, done } = await viaWechat({ ua: IN_WECHAT, query: '?profile=1', ip: '198.51.100.22' })
    expect(authorize.searchParams.get('scope')).toBe('snsapi_userinfo')
    expect(done.status).toBe(303)
    expect(wechat.calls.at(-1)).toMatchObject({ path: '/sns/userinfo', query: { openid: user.openids[MP.appId], lang: 'en' } })
    const member = (await members()).at(-1)!
    expect(member).toMatchObject({ name: user.nickname, avatarUrl: user.headimgurl.replace('http://', 'https://') })
    expect(await ownerOf(`wechat:${MP.appId}:${user.openids[MP.appId]}`)).toBe(member.id)
    expect(await ownerOf(`unionid:${user.unionid}`)).toBe(member.id)
  })
})

describe('on a desktop: the open platform’s QR login', () => {
  it('sends the visitor to qrconnect (snsapi_login) and signs the same person in by their unionid, adding the website app’s openid', async () => {
    const user = wechatUser()
    wechat.playAs(user)
    // First inside WeChat, sharing the profile (which brings the unionid)…
    await viaWechat({ ua: IN_WECHAT, query: '?profile=1', ip: '198.51.100.23' })
    const member = (await members()).at(-1)!
    const count = (await members()).length
    // …then on a desktop, scanning the QR code.
    const { start, done } = await viaWechat({ ua: DESKTOP, ip: '198.51.100.23' })
    expect(start.headers.get('location')).toMatch(
      new RegExp(
        `^${wechat.url}/connect/qrconnect\\?appid=${WEB.appId}&redirect_uri=http%3A%2F%2Flocalhost%3A4321%2Fen%2Faccount%2Fwechat%2Fcallback&response_type=code&scope=snsapi_login&state=[0-9a-f]{64}#wechat_redirect$`,
      ),
    )
    expect(done.status).toBe(303)
    expect(wechat.calls.at(-1)).toMatchObject({ path: '/sns/oauth2/access_token', query: { appid: WEB.appId, secret: WEB.secret } })
    expect(await members()).toHaveLength(count)
    expect((await h.call('GET', '/en/account', { cookie: cookieOf(done.cookies, 'bs_member') })).model?.signed?.member.id).toBe(member.id)
    expect(await ownerOf(`wechat:${WEB.appId}:${user.openids[WEB.appId]}`)).toBe(member.id)
  })

  it('opens an account for a new visitor who scans, with the unionid', async () => {
    const user = wechatUser()
    wechat.playAs(user)
    const { done } = await viaWechat({ ua: DESKTOP, ip: '198.51.100.24' })
    expect(done.status).toBe(303)
    const member = (await members()).at(-1)!
    expect(await ownerOf(`wechat:${WEB.appId}:${user.openids[WEB.appId]}`)).toBe(member.id)
    expect(await ownerOf(`unionid:${user.unionid}`)).toBe(member.id)
  })
})

describe('the state and the code', () => {
  it.each([
    ['a state changed by one digit', (state: string) => state.replace(/^./, (c) => (c === '0' ? '1' : '0')), (cookie: string) => cookie],
    ['a state made up', () => 'a'.repeat(64), (cookie: string) => cookie],
    ['a state that is not hex', () => 'STATE', (cookie: string) => cookie],
    ['no cookie (another browser)', (state: string) => state, () => ''],
    ['the cookie of another sign-in', (state: string) => state, () => 'other'],
    [
      'an intent changed in the cookie',
      (state: string) => state,
      (cookie: string) =>
        cookie.replace(
          /=([^.]+)\./,
          (_, intent: string) =>
            `=${Buffer.from(Buffer.from(intent, 'base64url').toString('utf8').replace('"member":null', '"member":"1"')).toString('base64url')}.`,
        ),
    ],
  ])('refuses %s with 403 and never spends the code', async (_, state, cookie) => {
    wechat.playAs(wechatUser())
    const ip = '198.51.100.30'
    const start = await h.call('GET', '/en/account/wechat', { headers: { 'user-agent': IN_WECHAT }, ip })
    const back = await atWechat(start.headers.get('location')!)
    let stateCookie = cookieOf(start.cookies, 'bs_wechat_state')
    if (cookie(stateCookie) === 'other') {
      const other = await h.call('GET', '/en/account/wechat', { headers: { 'user-agent': IN_WECHAT }, ip })
      stateCookie = cookieOf(other.cookies, 'bs_wechat_state')
    } else stateCookie = cookie(stateCookie)
    back.searchParams.set('state', state(back.searchParams.get('state')!))
    const calls = tokenCalls()
    const refused = await h.call('GET', back.pathname + back.search, { headers: { 'user-agent': IN_WECHAT }, cookie: stateCookie, ip })
    expect(refused.status).toBe(403)
    expect(refused.model?.error?.message).toBe(
      'This WeChat sign-in was not started in this browser, or it has expired or been used. Start again.',
    )
    expect(refused.cookies.some((c) => c.startsWith('bs_member='))).toBe(false)
    expect(tokenCalls()).toBe(calls)
  })

  it('refuses the same callback a second time (the state is single-use)', async () => {
    wechat.playAs(wechatUser())
    const { done, callback } = await viaWechat({ ua: IN_WECHAT, ip: '198.51.100.31' })
    expect(done.status).toBe(303)
    const calls = tokenCalls()
    const replay = await callback()
    expect(replay.status).toBe(403)
    expect(replay.model?.error?.message).toBe(
      'This WeChat sign-in was not started in this browser, or it has expired or been used. Start again.',
    )
    expect(tokenCalls()).toBe(calls)
  })

  it('refuses a code WeChat says was used (40163) or is invalid (40029) with 401, under a fresh state', async () => {
    wechat.playAs(wechatUser())
    const first = await viaWechat({ ua: IN_WECHAT, ip: '198.51.100.32' })
    expect(first.done.status).toBe(303)
    const usedCode = first.back.searchParams.get('code')!
    for (const [code, errcode] of [
      [usedCode, 40163],
      ['0'.repeat(32), 40029],
    ] as const) {
      const fresh = await h.call('GET', '/en/account/wechat', { headers: { 'user-agent': IN_WECHAT }, ip: '198.51.100.32' })
      const state = new URL(fresh.headers.get('location')!).searchParams.get('state')!
      const refused = await h.call('GET', `/en/account/wechat/callback?code=${code}&state=${state}`, {
        headers: { 'user-agent': IN_WECHAT },
        cookie: cookieOf(fresh.cookies, 'bs_wechat_state'),
        ip: '198.51.100.32',
      })
      expect(wechat.calls.at(-1)?.answer).toMatchObject({ errcode })
      expect(refused.status).toBe(401)
      expect(refused.model?.error?.message).toBe('WeChat’s authorisation has expired or was used already. Sign in with WeChat again.')
      expect(refused.cookies.some((c) => c.startsWith('bs_member='))).toBe(false)
    }
  })

  it('sends a visitor who declines back to sign-in with a notice, and opens no account', async () => {
    wechat.playAs(wechatUser({ declines: true }))
    const count = (await members()).length
    const { back, done } = await viaWechat({ ua: IN_WECHAT, ip: '198.51.100.33' })
    expect(back.searchParams.has('code')).toBe(false)
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe('/en/account/sign-in?notice=wechat-cancelled')
    expect(await members()).toHaveLength(count)
  })

  it.each([['https://evil.example/steal'], ['//evil.example'], ['/en/account\\@evil.example'], ['javascript:alert(1)']])(
    'goes to /en/account, not to next=%s',
    async (next) => {
      wechat.playAs(wechatUser())
      const { done } = await viaWechat({ ua: IN_WECHAT, query: `?next=${encodeURIComponent(next)}`, ip: '198.51.100.34' })
      expect(done.headers.get('location')).toBe('/en/account')
    },
  )

  it('answers 503 where the app for this browser is not set up', async () => {
    const saved = process.env.WECHAT_MP_APP_SECRET
    delete process.env.WECHAT_MP_APP_SECRET
    try {
      const refused = await h.call('GET', '/en/account/wechat', { headers: { 'user-agent': IN_WECHAT }, ip: '198.51.100.35' })
      expect(refused.status).toBe(503)
      expect(refused.model?.error?.message).toBe(
        'Sign-in with WeChat is not available here right now. Open this page in WeChat, or sign in with your phone.',
      )
    } finally {
      process.env.WECHAT_MP_APP_SECRET = saved
    }
  })
})

describe('one person, one account', () => {
  it('joins WeChat to the signed-in account; another account cannot take it, and WeChat then signs in to the first', async () => {
    const user = wechatUser()
    wechat.playAs(user)
    const ada = await h.signUp('ada.wechat@example.com', undefined, { ip: '198.51.100.40' })
    const joined = await viaWechat({ ua: DESKTOP, session: ada.cookie, ip: '198.51.100.40' })
    expect(joined.done.status).toBe(303)
    expect(joined.done.headers.get('location')).toBe('/en/account?notice=wechat-added')
    expect(await ownerOf(`wechat:${WEB.appId}:${user.openids[WEB.appId]}`)).toBe(ada.member.id)
    expect(await ownerOf(`unionid:${user.unionid}`)).toBe(ada.member.id)

    const bo = await h.signUp('bo.wechat@example.com', undefined, { ip: '198.51.100.41' })
    const count = (await members()).length
    const taken = await viaWechat({ ua: DESKTOP, session: bo.cookie, ip: '198.51.100.41' })
    expect(taken.done.status).toBe(409)
    expect(taken.done.model?.error?.message).toBe(
      'This WeChat account belongs to another account. Sign out and sign in with WeChat, or use another WeChat account.',
    )
    expect(await ownerOf(`wechat:${WEB.appId}:${user.openids[WEB.appId]}`)).toBe(ada.member.id)
    // The unionid is Ada's too, so Bo cannot take the official account's openid either.
    const takenInWechat = await viaWechat({ ua: IN_WECHAT, query: '?profile=1', session: bo.cookie, ip: '198.51.100.41' })
    expect(takenInWechat.done.status).toBe(409)
    expect(await ownerOf(`wechat:${MP.appId}:${user.openids[MP.appId]}`)).toBeNull()
    expect(await members()).toHaveLength(count)

    // Inside WeChat the official account's openid is new: the profile step brings the unionid, which is Ada's.
    const signedIn = await viaWechat({ ua: IN_WECHAT, ip: '198.51.100.42' })
    expect(signedIn.upgrades).toHaveLength(1)
    expect(signedIn.done.status).toBe(303)
    expect((await h.call('GET', '/en/account', { cookie: cookieOf(signedIn.done.cookies, 'bs_member') })).model?.signed?.member.email).toBe(
      'ada.wechat@example.com',
    )
    expect(await members()).toHaveLength(count)
  })

  it('refuses to join when the account that started is no longer signed in at the callback', async () => {
    wechat.playAs(wechatUser())
    const cy = await h.signUp('cy.wechat@example.com', undefined, { ip: '198.51.100.43' })
    const start = await h.call('GET', '/en/account/wechat', { headers: { 'user-agent': DESKTOP }, cookie: cy.cookie, ip: '198.51.100.43' })
    const back = await atWechat(start.headers.get('location')!)
    const count = (await members()).length
    const refused = await h.call('GET', back.pathname + back.search, {
      headers: { 'user-agent': DESKTOP },
      cookie: cookieOf(start.cookies, 'bs_wechat_state'),
      ip: '198.51.100.43',
    })
    expect(refused.status).toBe(401)
    expect(await members()).toHaveLength(count)
  })

  it('lets a member who signed up with WeChat add a phone number to the same account', async () => {
    wechat.playAs(wechatUser())
    const { done } = await viaWechat({ ua: IN_WECHAT, ip: '198.51.100.44' })
    const session = cookieOf(done.cookies, 'bs_member')
    const member = (await members()).at(-1)!
    expect(
      (await h.call('POST', '/en/account/sign-in/phone', { body: { phone: '13300133000' }, cookie: session, ip: '198.51.100.44' })).status,
    ).toBe(200)
    await payload.jobs.run({ limit: 50 })
    const text = (
      await payload.find({ collection: 'outbox', where: { to: { equals: '+8613300133000' } }, sort: '-id', limit: 1, depth: 0 })
    ).docs[0]!
    const added = await h.call('POST', '/en/account/sign-in/phone', {
      body: { phone: '13300133000', code: String(text.text).match(/\b(\d{6})\b/)![1] },
      cookie: session,
      ip: '198.51.100.44',
    })
    expect(added.status).toBe(200)
    expect(await ownerOf('phone:+8613300133000')).toBe(member.id)
  })
})
