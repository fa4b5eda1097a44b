// The account pages of a signed-in member: profile, subscriptions, password and email, sessions.
import { describe, expect, it } from 'vitest'

import { signUnsubscribeToken } from '../../functions/members/consent-log'
import { h, payload, useMembers } from './members-account-harness'

useMembers()

describe('account pages of a member', () => {
  it('saves the profile (markup kept as text), earns the complete-profile points once', async () => {
    const { cookie, member } = await h.signUp('li@example.com')
    const saved = await h.call('POST', '/en/account/profile', {
      body: {
        name: '<script>alert(1)</script>',
        company: 'Acme',
        jobTitle: 'CMO',
        phone: '138 0013 8000',
        preferredLanguage: 'zh-CN',
        interests: ['retail'],
      },
      cookie,
    })
    expect(saved.status).toBe(200)
    const stored = await payload.findByID({ collection: 'members', id: member.id, depth: 1 })
    expect([stored.name, stored.phone, stored.preferredLanguage, (stored.interests as { slug: string }[]).map((t) => t.slug)]).toEqual([
      '<script>alert(1)</script>',
      '+8613800138000',
      'zh-CN',
      ['retail'],
    ])
    // The signed-in request reads the member back (one SQL read on SQLite) with the same fields.
    const page = await h.call('GET', '/en/account/profile', { cookie })
    expect(page.model?.signed?.member).toMatchObject({
      id: member.id,
      name: '<script>alert(1)</script>',
      company: 'Acme',
      jobTitle: 'CMO',
      phone: '+8613800138000',
      preferredLanguage: 'zh-CN',
      interests: [(stored.interests as { id: number }[])[0]!.id],
      emailVerifiedAt: expect.any(String),
      lead: expect.any(Number),
      referralCode: expect.any(String),
      erasedAt: null,
    })
    await h.call('POST', '/en/account/profile', { body: { company: 'Acme Ltd' }, cookie })
    const points = await payload.find({ collection: 'points-ledger', where: { member: { equals: member.id } }, sort: 'at', depth: 0 })
    expect(points.docs.map((e) => e.reason)).toEqual(['sign-up', 'verified-profile'])
    const bad = await h.call('POST', '/en/account/profile', { body: { phone: 'call me', interests: ['nope'] }, cookie })
    expect([bad.status, bad.json]).toEqual([
      422,
      {
        error: {
          code: 'invalid-fields',
          message: 'Some fields need attention.',
          fields: { phone: 'Enter a valid phone number.', interests: 'Choose interests from the list.' },
        },
      },
    ])
  })

  it('records subscription changes in the consent log and unsubscribes by a signed link without signing in', async () => {
    const { cookie, member } = await h.signUp('sub@example.com')
    expect((await h.call('POST', '/en/account/subscriptions', { body: { newsletter: 'on', topics: ['retail'] }, cookie })).json).toEqual({
      ok: true,
      changes: 2,
    })
    expect((await h.call('POST', '/en/account/subscriptions', { body: { newsletter: 'on', topics: ['retail'] }, cookie })).json).toEqual({
      ok: true,
      changes: 0,
    })
    const token = signUnsubscribeToken({ memberId: String(member.id), topic: 'newsletter' }, 'integration-test-secret')
    const page = await h.call('GET', `/en/account/unsubscribe?token=${token}`)
    expect([page.status, page.model?.data]).toEqual([200, { valid: true, token, topic: null }])
    const log = () => payload.find({ collection: 'consent-log', where: { member: { equals: member.id } }, sort: 'id', depth: 0 })
    expect((await log()).docs).toHaveLength(2)
    const done = await h.call('POST', '/en/account/unsubscribe', { form: { token } })
    expect([done.status, done.model?.notice]).toEqual([200, 'You are unsubscribed.'])
    expect((await log()).docs.map((c) => [c.topic, c.subscribed, c.source])).toEqual([
      ['newsletter', true, 'account-page'],
      ['retail', true, 'account-page'],
      ['newsletter', false, 'email-link'],
    ])
    const forged = await h.call('POST', '/en/account/unsubscribe', { body: { token: token.slice(0, -2) + 'xx' } })
    expect([forged.status, forged.json?.error.code]).toEqual([400, 'link-invalid'])
  })

  it(
    'changes the password (current one required; other devices signed out) ' +
      'and the email (confirmed by a code sent to the new address)',
    async () => {
      const { cookie, member } = await h.signUp('move@example.com')
      const phone = await h.call('POST', '/en/account/sign-in', { body: { email: 'move@example.com', password: 'Lantern-garden 42' } })
      const wrong = await h.call('POST', '/en/account/password', {
        body: { currentPassword: 'Not-it-at-all 1', password: 'Harbour-lights 77' },
        cookie,
      })
      expect([wrong.status, wrong.json?.error.code]).toEqual([401, 'wrong-credentials'])
      expect(
        (
          await h.call('POST', '/en/account/password', {
            body: { currentPassword: 'Lantern-garden 42', password: 'Harbour-lights 77' },
            cookie,
          })
        ).json,
      ).toEqual({ ok: true })
      expect((await h.call('GET', '/en/account', { cookie: h.sessionOf(phone) })).status).toBe(303)
      expect((await h.call('GET', '/en/account', { cookie })).status).toBe(200)

      expect(
        (await h.call('POST', '/en/account/email', { body: { email: 'Moved@Example.com', password: 'Harbour-lights 77' }, cookie })).json,
      ).toEqual({ ok: true, sent: true })
      const code = await h.codeFor('moved@example.com', 'new email')
      expect((await h.call('POST', '/en/account/email', { body: { code }, cookie })).json).toEqual({ ok: true })
      const stored = await payload.findByID({ collection: 'members', id: member.id, depth: 0 })
      expect(stored.email).toBe('moved@example.com')
      expect((await payload.count({ collection: 'member-codes', where: { subject: { equals: 'move@example.com' } } })).totalDocs).toBe(0)
      expect(
        (await h.call('POST', '/en/account/sign-in', { body: { email: 'moved@example.com', password: 'Harbour-lights 77' } })).status,
      ).toBe(200)
      expect(
        (await h.call('POST', '/en/account/sign-in', { body: { email: 'move@example.com', password: 'Harbour-lights 77' } })).status,
      ).toBe(401)
    },
  )

  it('lists and revokes sessions; never another member’s', async () => {
    const { cookie } = await h.signUp('dev@example.com')
    const other = await h.call('POST', '/en/account/sign-in', {
      body: { email: 'dev@example.com', password: 'Lantern-garden 42' },
      headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) MicroMessenger/8.0.47' },
    })
    const list = await h.call('GET', '/en/account/sessions', { cookie })
    const sessions = list.model?.data.sessions as { id: number; current: boolean; userAgent: string }[]
    expect(sessions.map((s) => s.current).sort()).toEqual([false, true])
    const phone = sessions.find((s) => !s.current)!
    expect(phone.userAgent).toBe('WeChat on iPhone')
    expect((await h.call('POST', '/en/account/sessions', { body: { session: String(phone.id) }, cookie })).json).toEqual({
      ok: true,
      revoked: 1,
    })
    expect((await h.call('GET', '/en/account', { cookie: h.sessionOf(other) })).status).toBe(303)
  })
})
