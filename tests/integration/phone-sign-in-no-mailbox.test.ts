// A member with a phone and no mailbox proves it is them by a texted code: to delete the account, to add an email.
import { describe, expect, it } from 'vitest'

import { forgetLastCode, h, payload, textedCode, usePhoneSignIn } from './phone-sign-in-harness'

usePhoneSignIn()

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
