// Phone sign-up and sign-in without SMS credentials: codes texted to the Outbox, an account per number, bad input refused.
import { describe, expect, it } from 'vitest'

import { forgetLastCode, h, identityOf, members, payload, textedCode, usePhoneSignIn } from './phone-sign-in-harness'

usePhoneSignIn()

describe('phone sign-up and sign-in without SMS credentials (the Outbox)', () => {
  it('texts a code to the Outbox, opens an account for a new number and answers 303 to /account', async () => {
    const ip = '198.51.100.1'
    const sent = await h.call('POST', '/en/account/sign-in/phone', { body: { phone: '138 0013 8000' }, ip })
    expect(sent.status).toBe(200)
    expect(sent.json).toEqual({ ok: true, sent: true })
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendPhoneCode' } }, depth: 0 })
    expect(jobs.docs.map((j) => j.input)).toEqual([
      { phone: '+8613800138000', locale: 'en', requestId: expect.any(String), budgetReached: false },
    ])
    const code = await textedCode('+8613800138000')
    const text = (await payload.find({ collection: 'outbox', where: { kind: { equals: 'sms' } }, depth: 0 })).docs[0]!
    expect(text).toMatchObject({
      kind: 'sms',
      to: '+8613800138000',
      subject: 'SMS',
      text: `【Lantern Tea】Your sign-in code is ${code}. It works for 10 minutes. Do not share it.`,
    })
    const stored = (await payload.find({ collection: 'member-codes', where: { subject: { equals: '+8613800138000' } }, depth: 0 })).docs[0]!
    expect(stored.purpose).toBe('sign-in')
    expect(JSON.stringify(stored.record)).not.toContain(code)

    const signedIn = await h.call('POST', '/en/account/sign-in/phone', { form: { phone: '+86 138-0013-8000', code }, ip })
    expect(signedIn.status).toBe(303)
    expect(signedIn.headers.get('location')).toBe('/en/account')
    const cookie = h.sessionOf(signedIn)
    expect(cookie).toMatch(/^bs_member=/)
    const [member] = await members()
    expect(member).toMatchObject({ phone: '+8613800138000', emailVerifiedAt: null, preferredLanguage: 'en' })
    expect(member!.email).toMatch(/^phone-[0-9a-f]{24}@no-mailbox\.invalid$/)
    expect(await identityOf('phone:+8613800138000')).toMatchObject({ kind: 'phone', member: member!.id, verifiedAt: expect.any(String) })
    const lead = (await payload.find({ collection: 'leads', where: { member: { equals: member!.id } }, depth: 0 })).docs[0]!
    expect(lead).toMatchObject({ phone: '+8613800138000', email: null, status: 'new' })
    expect(member!.lead).toBe(lead.id)
    const overview = await h.call('GET', '/en/account', { cookie })
    expect(overview.model?.signed?.member.id).toBe(member!.id)
    // The code is spent: a second use is refused.
    expect((await h.call('POST', '/en/account/sign-in/phone', { body: { phone: '13800138000', code }, ip })).json?.error.code).toBe(
      'code-rejected',
    )
  })

  it('signs the same number in again as the same member, in the default locale at /account/sign-in/phone', async () => {
    const ip = '198.51.100.2'
    await forgetLastCode('+8613800138000')
    expect((await h.call('POST', '/account/sign-in/phone', { body: { phone: '13800138000' }, ip })).status).toBe(200)
    const code = await textedCode('+8613800138000')
    expect(
      (await payload.find({ collection: 'outbox', where: { kind: { equals: 'sms' } }, sort: '-id', limit: 1, depth: 0 })).docs[0]!.text,
    ).toBe(`【灯笼茶】您的登录验证码是 ${code}，10 分钟内有效。请勿告诉他人。`)
    const res = await h.call('POST', '/account/sign-in/phone', { form: { phone: '13800138000', code }, ip })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/account')
    expect(await members()).toHaveLength(1)
  })

  it('links a new phone member to the lead that already had the number, never to another member’s', async () => {
    const ip = '198.51.100.3'
    const lead = await payload.create({ collection: 'leads', data: { phone: '+8613900139000', name: 'Wang', status: 'contacted' } })
    expect((await h.call('POST', '/en/account/sign-in/phone', { body: { phone: '13900139000' }, ip })).status).toBe(200)
    const res = await h.call('POST', '/en/account/sign-in/phone', {
      body: { phone: '13900139000', code: await textedCode('+8613900139000') },
      ip,
    })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ ok: true, phone: '+8613900139000' })
    const member = (await payload.find({ collection: 'members', where: { phone: { equals: '+8613900139000' } }, depth: 0 })).docs[0]!
    expect(member.lead).toBe(lead.id)
    expect((await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })).member).toBe(member.id)
  })

  it.each([
    [{ phone: '' }, 'phone', 'Enter a valid mobile number (11 digits starting with 1 for mainland China).'],
    [{ phone: '12800138000' }, 'phone', 'Enter a valid mobile number (11 digits starting with 1 for mainland China).'],
    [{ phone: '+852 6123 4567' }, 'phone', 'Numbers from this country or region cannot sign in here yet.'],
    [{ phone: '+1 415 555 0100', code: '123456' }, 'phone', 'Numbers from this country or region cannot sign in here yet.'],
    [{ phone: '13800138000', code: '12ab56' }, 'code', 'Enter the 6-digit code from the text message.'],
  ])('refuses %j with 422 and the field’s message', async (body, field, message) => {
    const res = await h.call('POST', '/en/account/sign-in/phone', { body, ip: '198.51.100.4' })
    expect(res.status).toBe(422)
    expect(res.json).toEqual({ error: { code: 'invalid-fields', message: 'Some fields need attention.', fields: { [field]: message } } })
  })

  it('refuses a wrong code with 401 and keeps the number to retry', async () => {
    const res = await h.call('POST', '/en/account/sign-in/phone', { form: { phone: '13700137000', code: '000000' }, ip: '198.51.100.5' })
    expect(res.status).toBe(401)
    expect(res.model?.error?.message).toBe('This code is wrong or no longer valid. A code works once, for 10 minutes; ask for a new one.')
    expect(res.model?.values.phone).toBe('13700137000')
    expect(res.model?.step).toBe('code')
  })
})
