// Signing in with WeChat inside WeChat: the official account's web authorisation, silent or asking for the profile.
import { describe, expect, it } from 'vitest'

import {
  cookieOf,
  h,
  IN_WECHAT,
  members,
  MP,
  ownerOf,
  payload,
  useWechatSignIn,
  viaWechat,
  wechat,
  wechatUser,
} from './wechat-sign-in-harness'

useWechatSignIn()

describe('inside WeChat: the official account’s web authorisation', () => {
  it(
    'asks a new visitor once to share their profile (snsapi_base, then snsapi_userinfo), opens an account linked to the openid ' +
      'and unionid, and signs them in silently after',
    async () => {
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
          `^${wechat.url}/connect/oauth2/authorize\\?appid=${MP.appId}` +
            '&redirect_uri=http%3A%2F%2Flocalhost%3A4321%2Fen%2Faccount%2Fwechat%2Fcallback' +
            '&response_type=code&scope=snsapi_base&state=[0-9a-f]{64}#wechat_redirect$',
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
    },
  )

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
