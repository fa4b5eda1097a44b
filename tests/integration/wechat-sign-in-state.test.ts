// The state and the code of a WeChat sign-in: forged, replayed, spent or declined, an unsafe next, an app not set up.
import { describe, expect, it } from 'vitest'

import {
  atWechat,
  cookieOf,
  h,
  IN_WECHAT,
  members,
  tokenCalls,
  useWechatSignIn,
  viaWechat,
  wechat,
  wechatUser,
} from './wechat-sign-in-harness'

useWechatSignIn()

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
            `=${Buffer.from(Buffer.from(intent, 'base64url').toString('utf8').replace('"member":null', '"member":"1"')).toString(
              'base64url',
            )}.`,
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
