// Sign-up, verification and sign-in of a member: by password and by code, without JavaScript, a reset, a sign-out.
import { describe, expect, it } from 'vitest'

import { h, payload, useMembers } from './members-account-harness'

useMembers()

describe('sign-up, verification and sign-in', () => {
  it('signs up, mails a verify code through the queued job (no code in the job input), and verifies', async () => {
    const res = await h.call('POST', '/en/account/sign-up', {
      body: { email: ' Mei@Example.com ', password: 'Lantern-garden 42', name: 'Mei', newsletter: true },
    })
    expect(res.status).toBe(201)
    expect(res.json).toEqual({ ok: true, verified: false })
    const cookie = h.sessionOf(res)
    expect(res.cookies[0]).toMatch(/^bs_member=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax$/)
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendMemberCode' } }, depth: 0 })
    expect(jobs.docs.map((j) => j.input)).toEqual([
      { subject: 'mei@example.com', purpose: 'verify-email', locale: 'en', requestId: expect.any(String), newEmail: null },
    ])
    const code = await h.codeFor('mei@example.com')
    const mail = (await payload.find({ collection: 'outbox', where: { to: { equals: 'mei@example.com' } }, depth: 0 })).docs[0]!
    expect(mail.subject).toBe('Confirm your email for Lantern Tea')
    expect(mail.text).toContain(`    ${code}\n`)
    const stored = (await payload.find({ collection: 'member-codes', where: { subject: { equals: 'mei@example.com' } }, depth: 0 }))
      .docs[0]!
    expect(JSON.stringify(stored.record)).not.toContain(code)

    expect((await h.call('POST', '/en/account/verify', { body: { code: code === '000000' ? '000001' : '000000' }, cookie })).json).toEqual({
      error: {
        code: 'code-rejected',
        message: 'This code is wrong or no longer valid. A code works once, for 10 minutes; ask for a new one.',
      },
    })
    const verified = await h.call('POST', '/en/account/verify', { body: { code }, cookie })
    expect(verified.status).toBe(200)
    const member = (await payload.find({ collection: 'members', where: { email: { equals: 'mei@example.com' } }, depth: 0 })).docs[0]!
    expect(member.emailVerifiedAt).toEqual(expect.any(String))
    expect(member.referralCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTWXYZ]{8}$/)
    const lead = (await payload.find({ collection: 'leads', where: { email: { equals: 'mei@example.com' } }, depth: 0 })).docs[0]!
    expect([lead.member, lead.becameMemberAt !== null, member.lead]).toEqual([member.id, true, lead.id])
    const ledger = await payload.find({ collection: 'points-ledger', where: { member: { equals: member.id } }, depth: 0 })
    expect(ledger.docs.map((e) => [e.kind, e.reason, e.points, e.ref])).toEqual([['earn', 'sign-up', 100, `member:${member.id}`]])
    const consents = await payload.find({ collection: 'consent-log', where: { member: { equals: member.id } }, depth: 0 })
    expect(consents.docs.map((c) => [c.topic, c.subscribed, c.source])).toEqual([['newsletter', true, 'sign-up']])
    // The same code a second time is spent.
    expect((await h.call('POST', '/en/account/verify', { body: { code }, cookie })).status).toBe(200)
  })

  it('refuses a second account for the same email with 409', async () => {
    const res = await h.call('POST', '/en/account/sign-up', { body: { email: 'MEI@example.com', password: 'Another-lantern 77' } })
    expect([res.status, res.json]).toEqual([
      409,
      { error: { code: 'email-taken', message: 'An account with this email already exists. Sign in, or reset your password.' } },
    ])
  })

  it('signs in by password (one message for unknown email and wrong password) and by code', async () => {
    const wrong = await h.call('POST', '/en/account/sign-in', { body: { email: 'mei@example.com', password: 'not the password 1' } })
    const unknown = await h.call('POST', '/en/account/sign-in', { body: { email: 'nobody@example.com', password: 'not the password 1' } })
    expect([wrong.status, wrong.json, unknown.status, unknown.json]).toEqual([
      401,
      { error: { code: 'wrong-credentials', message: 'The email or password is wrong.' } },
      401,
      { error: { code: 'wrong-credentials', message: 'The email or password is wrong.' } },
    ])
    const right = await h.call('POST', '/en/account/sign-in', { body: { email: 'mei@example.com', password: 'Lantern-garden 42' } })
    expect([right.status, right.json]).toEqual([200, { ok: true, verified: true }])
    const me = await h.call('GET', '/en/account', { cookie: h.sessionOf(right) })
    expect([me.status, me.model?.signed?.member.email]).toEqual([200, 'mei@example.com'])

    const asked = await h.call('POST', '/en/account/sign-in/code', { body: { email: 'mei@example.com' } })
    expect([asked.status, asked.json]).toEqual([200, { ok: true, sent: true }])
    // Asking again within a minute: 429 with Retry-After, and no second mail.
    const again = await h.call('POST', '/en/account/sign-in/code', { body: { email: 'mei@example.com' } })
    expect(again.status).toBe(429)
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(50)
    const code = await h.codeFor('mei@example.com')
    const byCode = await h.call('POST', '/en/account/sign-in/code', { body: { email: 'mei@example.com', code } })
    expect([byCode.status, byCode.json]).toEqual([200, { ok: true, verified: true }])
    // An unknown email gets the same answer and no mail.
    const ghost = await h.call('POST', '/en/account/sign-in/code', { body: { email: 'ghost@example.com' } })
    expect([ghost.status, ghost.json]).toEqual([200, { ok: true, sent: true }])
    await payload.jobs.run({ limit: 10 })
    expect((await payload.count({ collection: 'outbox', where: { to: { equals: 'ghost@example.com' } } })).totalDocs).toBe(0)
  })

  it('a form post without JavaScript gets 303 on success and the page again with messages on 422', async () => {
    const bad = await h.call('POST', '/account/sign-up', {
      form: { email: 'not-an-email', password: 'password', name: '<script>alert(1)</script>' },
    })
    expect(bad.status).toBe(422)
    expect(bad.model?.error).toEqual({
      message: '部分内容需要修改。',
      fields: { email: '请输入有效的邮箱地址。', password: '密码至少需要 10 个字符。' },
    })
    expect(bad.model?.values).toEqual({ email: 'not-an-email', name: '<script>alert(1)</script>' })
    const ok = await h.call('POST', '/account/sign-in', {
      form: { email: 'mei@example.com', password: 'Lantern-garden 42', next: '/account/profile' },
    })
    expect([ok.status, ok.headers.get('location'), ok.headers.get('cache-control')]).toEqual([303, '/account/profile', 'private, no-store'])
    const offsite = await h.call('POST', '/account/sign-in', {
      form: { email: 'mei@example.com', password: 'Lantern-garden 42', next: '//evil.example/account' },
    })
    expect(offsite.headers.get('location')).toBe('/account')
  })

  it('resets a forgotten password: every session ends, the old password stops working', async () => {
    const before = await h.call('POST', '/en/account/sign-in', { body: { email: 'mei@example.com', password: 'Lantern-garden 42' } })
    expect((await h.call('POST', '/en/account/forgot', { body: { email: 'mei@example.com' } })).json).toEqual({ ok: true, sent: true })
    const code = await h.codeFor('mei@example.com', 'password reset')
    const weak = await h.call('POST', '/en/account/reset', { body: { email: 'mei@example.com', code, password: 'password123' } })
    expect([weak.status, weak.json?.error.fields]).toEqual([
      422,
      { password: 'This is one of the most common passwords; choose one that is harder to guess.' },
    ])
    const reset = await h.call('POST', '/en/account/reset', { body: { email: 'mei@example.com', code, password: 'Moon-cake harbour 9' } })
    expect([reset.status, reset.json]).toEqual([200, { ok: true, verified: true }])
    expect((await h.call('GET', '/en/account', { cookie: h.sessionOf(before) })).headers.get('location')).toBe(
      '/en/account/sign-in?next=%2Fen%2Faccount',
    )
    expect(
      (await h.call('POST', '/en/account/sign-in', { body: { email: 'mei@example.com', password: 'Lantern-garden 42' } })).status,
    ).toBe(401)
    expect(
      (await h.call('POST', '/en/account/sign-in', { body: { email: 'mei@example.com', password: 'Moon-cake harbour 9' } })).status,
    ).toBe(200)
  })

  it('signs out: the session is revoked and the cookie cleared', async () => {
    const signed = await h.call('POST', '/en/account/sign-in', { body: { email: 'mei@example.com', password: 'Moon-cake harbour 9' } })
    const cookie = h.sessionOf(signed)
    const out = await h.call('POST', '/en/account/sign-out', { form: {}, cookie })
    expect([out.status, out.headers.get('location'), out.cookies]).toEqual([
      303,
      '/en',
      ['bs_member=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax'],
    ])
    expect((await h.call('GET', '/en/account/profile', { cookie })).status).toBe(303)
  })
})
