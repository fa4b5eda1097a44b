import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { harness } from './members-harness'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let h: ReturnType<typeof harness>

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  h = harness(payload)
  await payload.updateGlobal({ slug: 'site-settings', locale: 'en', data: { brandName: 'Lantern Tea' } })
  await payload.updateGlobal({ slug: 'site-settings', locale: 'zh-CN', data: { brandName: '灯笼茶' } })
})
afterAll(async () => cleanup?.())

/** Runs the queued jobs and returns the last code texted to `phone` through the Outbox. */
async function textedCode(phone: string): Promise<string> {
  await payload.jobs.run({ limit: 50 })
  const { docs } = await payload.find({
    collection: 'outbox',
    where: { and: [{ to: { equals: phone } }, { kind: { equals: 'sms' } }] },
    sort: '-id',
    limit: 1,
    depth: 0,
  })
  const code = String(docs[0]?.text ?? '').match(/\b(\d{6})\b/)?.[1]
  if (!code) throw new Error(`No code texted to ${phone}`)
  return code
}

/** As if the last code to `phone` was sent an hour ago: its record and the one-a-minute counter are forgotten. */
async function forgetLastCode(phone: string): Promise<void> {
  await payload.update({ collection: 'member-codes', where: { subject: { equals: phone } }, data: { record: null } })
  const client = (payload.db as unknown as { client: { execute: (q: { sql: string; args: string[] }) => Promise<unknown> } }).client
  await client.execute({ sql: 'DELETE FROM throttle_counters WHERE counter_key = ?', args: [`code-subject:sign-in:${phone}`] })
}

const members = async () => (await payload.find({ collection: 'members', depth: 0, limit: 100 })).docs
const identityOf = async (key: string) =>
  (await payload.find({ collection: 'member-identities', where: { key: { equals: key } }, depth: 0 })).docs[0]

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

describe('erasure', () => {
  it('erases a phone member’s numbers, codes and texts with the member', async () => {
    // A member of its own: signed up by phone here, so this test needs no other to run first.
    const ip = '198.51.100.90'
    expect((await h.call('POST', '/en/account/sign-in/phone', { body: { phone: '13500135000' }, ip })).status).toBe(200)
    const signedUp = await h.call('POST', '/en/account/sign-in/phone', {
      body: { phone: '13500135000', code: await textedCode('+8613500135000') },
      ip,
    })
    expect(signedUp.status).toBe(200)
    const member = (await payload.find({ collection: 'members', where: { phone: { equals: '+8613500135000' } }, depth: 0 })).docs[0]!
    const { eraseMember } = await import('../../site/lib/account/data-rights')
    const { membersStore } = await import('../../cms/members/store')
    const plan = await eraseMember((await membersStore(payload).memberById(member.id))!, 'admin')
    expect(plan.delete).toContainEqual({ collection: 'member-identities', id: expect.anything() })
    expect(await identityOf('phone:+8613500135000')).toBeUndefined()
    expect((await payload.find({ collection: 'member-codes', where: { subject: { equals: '+8613500135000' } }, depth: 0 })).totalDocs).toBe(
      0,
    )
    expect((await payload.find({ collection: 'outbox', where: { to: { equals: '+8613500135000' } }, depth: 0 })).totalDocs).toBe(0)
    expect((await payload.find({ collection: 'members', where: { id: { equals: member.id } }, depth: 0 })).totalDocs).toBe(0)
  })
})

describe('a member with a phone and no mailbox proves it is them by a texted code', () => {
  /** Signs up a new number and answers the session cookie and the member's id. */
  async function phoneMember(phone: string, ip: string) {
    const e164 = `+86${phone}`
    const asked = await h.call('POST', '/en/account/sign-in/phone', { body: { phone }, ip })
    expect([asked.status, asked.json]).toEqual([200, { ok: true, sent: true }])
    const signedUp = await h.call('POST', '/en/account/sign-in/phone', { body: { phone, code: await textedCode(e164) }, ip })
    expect(signedUp.status).toBe(200)
    const member = (await payload.find({ collection: 'members', where: { phone: { equals: e164 } }, depth: 0 })).docs[0]!
    // The sign-up code was sent a moment ago: the next may go at once, as an hour later.
    await forgetLastCode(e164)
    return { cookie: h.sessionOf(signedUp), id: member.id, e164 }
  }

  it('deletes their own account with a code texted to their number (no mail goes to the placeholder address)', async () => {
    const ip = '203.0.113.120'
    const { cookie, id, e164 } = await phoneMember('13900139111', ip)
    const sent = await h.call('POST', '/en/account/data/delete', { body: { sendCode: '1' }, cookie, ip })
    expect([sent.status, sent.json]).toEqual([200, { ok: true, sent: true }])
    const code = await textedCode(e164)
    expect((await payload.find({ collection: 'outbox', where: { to: { like: 'no-mailbox.invalid' } }, depth: 0 })).totalDocs).toBe(0)
    const wrong = await h.call('POST', '/en/account/data/delete', { body: { code: code === '000000' ? '111111' : '000000' }, cookie, ip })
    expect(wrong.status).toBe(401)
    expect((await payload.find({ collection: 'members', where: { id: { equals: id } }, depth: 0 })).totalDocs).toBe(1)
    const erased = await h.call('POST', '/en/account/data/delete', { body: { code }, cookie, ip })
    expect([erased.status, erased.json]).toEqual([200, { ok: true, erased: true }])
    expect((await payload.find({ collection: 'members', where: { id: { equals: id } }, depth: 0 })).totalDocs).toBe(0)
  })

  it('adds an email after proving it is them by a texted code; the new address gets its own confirmation code', async () => {
    const ip = '192.0.2.121'
    const { cookie, e164 } = await phoneMember('13700137000', ip)
    const sent = await h.call('POST', '/en/account/email', { body: { sendCode: '1' }, cookie, ip })
    expect([sent.status, sent.json]).toEqual([200, { ok: true, sent: true }])
    const unproven = await h.call('POST', '/en/account/email', {
      body: { email: 'tea.lover@example.com', currentCode: '12345' },
      cookie,
      ip,
    })
    expect(unproven.status).toBe(422)
    const asked = await h.call('POST', '/en/account/email', {
      body: { email: 'tea.lover@example.com', currentCode: await textedCode(e164) },
      cookie,
      ip,
    })
    expect([asked.status, asked.json]).toEqual([200, { ok: true, sent: true }])
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendMemberCode' } }, depth: 0 })
    expect(jobs.docs.map((j) => (j.input as { newEmail?: string; purpose: string }).newEmail)).toContain('tea.lover@example.com')
  })
})
