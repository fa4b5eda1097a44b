// A member with an email adds a confirmed phone number; another account cannot take it, and it signs in to the first.
import { describe, expect, it } from 'vitest'

import { forgetLastCode, h, identityOf, payload, textedCode, usePhoneSignIn } from './phone-sign-in-harness'

usePhoneSignIn()

describe('a member with an email and a phone', () => {
  it('adds a confirmed number to a signed-in account; another account cannot take it, and the number signs in to the first', async () => {
    const ip = '198.51.100.6'
    const ada = await h.signUp('ada@example.com', undefined, { ip })
    expect((await h.call('POST', '/en/account/sign-in/phone', { body: { phone: '13600136000' }, cookie: ada.cookie, ip })).status).toBe(200)
    const added = await h.call('POST', '/en/account/sign-in/phone', {
      form: { phone: '13600136000', code: await textedCode('+8613600136000') },
      cookie: ada.cookie,
      ip,
    })
    expect(added.status).toBe(303)
    expect(added.headers.get('location')).toBe('/en/account?notice=phone-added')
    expect(await identityOf('phone:+8613600136000')).toMatchObject({ member: ada.member.id })
    expect((await payload.findByID({ collection: 'members', id: ada.member.id, depth: 0 })).phone).toBe('+8613600136000')

    const bo = await h.signUp('bo@example.com', undefined, { ip: '198.51.100.7' })
    await forgetLastCode('+8613600136000')
    expect(
      (await h.call('POST', '/en/account/sign-in/phone', { body: { phone: '13600136000' }, cookie: bo.cookie, ip: '198.51.100.7' })).status,
    ).toBe(200)
    const taken = await h.call('POST', '/en/account/sign-in/phone', {
      body: { phone: '13600136000', code: await textedCode('+8613600136000') },
      cookie: bo.cookie,
      ip: '198.51.100.7',
    })
    expect(taken.status).toBe(409)
    expect(taken.json).toEqual({
      error: {
        code: 'phone-taken',
        message: 'This number belongs to another account. Sign out and sign in with it, or use another number.',
      },
    })
    expect(await identityOf('phone:+8613600136000')).toMatchObject({ member: ada.member.id })

    await forgetLastCode('+8613600136000')
    await h.call('POST', '/en/account/sign-in/phone', { body: { phone: '13600136000' }, ip: '198.51.100.8' })
    const signedIn = await h.call('POST', '/en/account/sign-in/phone', {
      body: { phone: '13600136000', code: await textedCode('+8613600136000') },
      ip: '198.51.100.8',
    })
    expect(signedIn.status).toBe(200)
    const overview = await h.call('GET', '/en/account', { cookie: h.sessionOf(signedIn) })
    expect(overview.model?.signed?.member.email).toBe('ada@example.com')
  })
})
