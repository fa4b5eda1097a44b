// One person, one account: WeChat joined to a signed-in account, never taken by another, a phone added to it.
import { describe, expect, it } from 'vitest'

import {
  atWechat,
  cookieOf,
  DESKTOP,
  h,
  IN_WECHAT,
  members,
  MP,
  ownerOf,
  payload,
  useWechatSignIn,
  viaWechat,
  WEB,
  wechat,
  wechatUser,
} from './wechat-sign-in-harness'

useWechatSignIn()

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
