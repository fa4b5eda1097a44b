// A member's data rights: everything held about them exported as JSON, or their account erased; both audited.
import { describe, expect, it } from 'vitest'

import { h, payload, useMembersData, visit } from './members-data-harness'

useMembersData()

describe('data rights', () => {
  it('exports everything held about the member as JSON, audited', async () => {
    const browser = await visit('/?from=timeline')
    const { cookie, member } = await h.signUp('export@example.com', 'Lantern-garden 42', { cookie: browser.cookie })
    const res = await h.call('POST', '/en/account/data/export', { form: {}, cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="member-data-${member.id}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    )
    expect(res.json).toMatchObject({
      schema: 'brand-site/member-data',
      version: 1,
      account: { email: 'export@example.com', emailVerified: true },
      points: { balance: 100 },
      touches: [{ channel: 'wechat', medium: 'moments' }],
    })
    expect(JSON.stringify(res.json)).not.toContain('scrypt')
    const audit = await payload.find({ collection: 'audit-log', where: { memberId: { equals: String(member.id) } }, depth: 0 })
    expect(audit.docs.map((d) => [d.action, d.actor])).toEqual([['member-data-exported', 'member']])
  })

  it('erases the account: personal data gone from members, leads, submissions, touches; counts kept; audited', async () => {
    const browser = await visit('/?utm_source=linkedin&utm_medium=social&utm_campaign=erase')
    const { cookie, member } = await h.signUp('erase@example.com', 'Lantern-garden 42', { cookie: browser.cookie, name: 'Erin Erase' })
    const form = await payload.create({
      collection: 'forms',
      locale: 'en',
      data: { name: 'Demo', fields: [{ name: 'email', type: 'email', label: 'Email' }], defaultRecipient: 'sales@example.com' },
    })
    const leadId = (await payload.findByID({ collection: 'members', id: member.id, depth: 0 })).lead as number
    const submission = await payload.create({
      collection: 'submissions',
      data: {
        form: form.id,
        lead: leadId,
        values: { email: 'erase@example.com', name: 'Erin Erase' },
        ipHash: 'abc',
        userAgent: 'UA',
        visitor: browser.cookie.split('=')[1],
      },
    })
    await h.call('POST', '/en/account/subscriptions', { body: { newsletter: 'on' }, cookie })
    // What the person read goes too (cms/nurture/erase.ts, run by the lead's anonymisation).
    await payload.create({
      collection: 'lead-activity',
      data: { lead: leadId, at: new Date().toISOString(), kind: 'page-view', path: '/blog/a' },
    })
    const res = await h.call('POST', '/en/account/data/delete', { body: { password: 'Lantern-garden 42' }, cookie })
    expect([res.status, res.json, res.cookies]).toEqual([
      200,
      { ok: true, erased: true },
      ['bs_member=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax'],
    ])

    expect(await payload.findByID({ collection: 'members', id: member.id, disableErrors: true })).toBeNull()
    const lead = await payload.findByID({ collection: 'leads', id: leadId, depth: 0 })
    expect([lead.email, lead.name, lead.member, typeof lead.anonymisedAt]).toEqual([null, null, null, 'string'])
    const sub = await payload.findByID({ collection: 'submissions', id: submission.id, depth: 0 })
    expect([sub.values, sub.ipHash, sub.userAgent, sub.visitor]).toEqual([{}, null, null, null])
    const touches = await payload.find({ collection: 'touches', where: { lead: { equals: leadId } }, depth: 0 })
    // The touch keeps counting as one visitor in the funnel, under a new id the browser's cookie does not hold.
    expect(touches.docs.map((t) => [t.channel, t.campaign])).toEqual([['linkedin', 'erase']])
    expect(touches.docs[0]!.visitor).toMatch(/^v[A-Za-z0-9_-]{22}$/)
    expect(touches.docs[0]!.visitor).not.toBe(browser.cookie.split('=')[1])
    for (const collection of ['consent-log', 'points-ledger', 'member-sessions'] as const)
      expect((await payload.count({ collection, where: { member: { equals: member.id } } })).totalDocs, collection).toBe(0)
    expect((await payload.count({ collection: 'member-codes', where: { subject: { equals: 'erase@example.com' } } })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'outbox', where: { to: { contains: 'erase@example.com' } } })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'lead-activity', where: { lead: { equals: leadId } } })).totalDocs).toBe(0)
    const everything = JSON.stringify(
      await Promise.all(
        ['leads', 'submissions', 'touches', 'members', 'audit-log'].map((c) =>
          payload.find({ collection: c as 'leads', limit: 0, pagination: false, depth: 0 }),
        ),
      ),
    )
    expect(everything).not.toContain('erase@example.com')
    expect(everything).not.toContain('Erin Erase')
    const audit = await payload.find({ collection: 'audit-log', where: { memberId: { equals: String(member.id) } }, depth: 0 })
    expect(audit.docs.map((d) => [d.action, d.actor])).toEqual([['member-erased', 'member']])
    expect(
      (await h.call('POST', '/en/account/sign-in', { body: { email: 'erase@example.com', password: 'Lantern-garden 42' } })).status,
    ).toBe(401)
  })
})
