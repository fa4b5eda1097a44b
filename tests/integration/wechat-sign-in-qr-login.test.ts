// Signing in with WeChat on a desktop: the open platform's QR login, the same person found by their unionid.
import { describe, expect, it } from 'vitest'

import {
  cookieOf,
  DESKTOP,
  h,
  IN_WECHAT,
  members,
  ownerOf,
  useWechatSignIn,
  viaWechat,
  WEB,
  wechat,
  wechatUser,
} from './wechat-sign-in-harness'

useWechatSignIn()

describe('on a desktop: the open platform’s QR login', () => {
  it(
    'sends the visitor to qrconnect (snsapi_login) and signs the same person in by their unionid, ' + 'adding the website app’s openid',
    async () => {
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
          `^${wechat.url}/connect/qrconnect\\?appid=${WEB.appId}` +
            '&redirect_uri=http%3A%2F%2Flocalhost%3A4321%2Fen%2Faccount%2Fwechat%2Fcallback' +
            '&response_type=code&scope=snsapi_login&state=[0-9a-f]{64}#wechat_redirect$',
        ),
      )
      expect(done.status).toBe(303)
      expect(wechat.calls.at(-1)).toMatchObject({ path: '/sns/oauth2/access_token', query: { appid: WEB.appId, secret: WEB.secret } })
      expect(await members()).toHaveLength(count)
      expect((await h.call('GET', '/en/account', { cookie: cookieOf(done.cookies, 'bs_member') })).model?.signed?.member.id).toBe(member.id)
      expect(await ownerOf(`wechat:${WEB.appId}:${user.openids[WEB.appId]}`)).toBe(member.id)
    },
  )

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
