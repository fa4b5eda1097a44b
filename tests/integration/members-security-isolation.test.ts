// One member cannot reach another's records: not through the account pages, not through Payload.
import { describe, expect, it } from 'vitest'

import { row } from './fixtures'
import { a, b, EN, h, payload, useMembersSecurity } from './members-security-harness'

useMembersSecurity()

describe('one member cannot reach another’s records through the account pages', () => {
  it('ids of B in A’s requests change nothing of B', async () => {
    const bSessions = await payload.find({ collection: 'member-sessions', where: { member: { equals: b.member.id } }, depth: 0 })
    for (const session of bSessions.docs) {
      const res = await h.call('POST', '/en/account/sessions', { body: { session: String(session.id) }, cookie: a.cookie })
      expect([res.status, res.json]).toEqual([422, EN.fields({ session: 'This session does not exist or has ended.' })])
    }
    expect((await h.call('GET', '/en/account', { cookie: b.cookie })).status).toBe(200)
    // Extra keys naming B are ignored: only A's own record is written.
    await h.call('POST', '/en/account/profile', {
      body: { id: String(b.member.id), member: String(b.member.id), email: 'a-hijack@example.com', name: 'Changed by A' },
      cookie: a.cookie,
    })
    const [storedA, storedB] = await Promise.all([
      payload.findByID({ collection: 'members', id: a.member.id, depth: 0 }),
      payload.findByID({ collection: 'members', id: b.member.id, depth: 0 }),
    ])
    expect([storedA.name, storedA.email, storedB.name, storedB.email]).toEqual(['Changed by A', 'a@example.com', 'Ada', 'b@example.com'])
    // Every signed-in screen shows A's data only.
    for (const screen of ['', 'profile', 'requests', 'subscriptions', 'membership', 'sessions', 'data']) {
      const res = await h.call('GET', `/en/account/${screen}?member=${b.member.id}&id=${b.member.id}`, { cookie: a.cookie })
      expect(res.model?.signed?.member.id, screen).toBe(a.member.id)
      expect(JSON.stringify(res.model?.data ?? {}), screen).not.toContain('b@example.com')
    }
    const exported = await h.call('POST', '/en/account/data/export', { body: { member: b.member.id }, cookie: a.cookie })
    expect(exported.status).toBe(200)
    expect(exported.json?.account.id).toBe(String(a.member.id))
    expect(JSON.stringify(exported.json)).not.toContain('b@example.com')
  })

  it(
    'a member’s records are not readable or writable through Payload by anyone but CMS users ' + '(no member credential reaches Payload)',
    async () => {
      for (const collection of [
        'members',
        'member-sessions',
        'member-codes',
        'consent-log',
        'audit-log',
        'points-ledger',
        'leads',
        'submissions',
      ] as const) {
        await expect(payload.find({ collection, overrideAccess: false, user: null }), collection).rejects.toThrow(/not allowed/)
      }
      await expect(
        payload.update({ collection: 'members', id: b.member.id, data: { name: 'x' }, overrideAccess: false, user: null }),
      ).rejects.toThrow(/not allowed/)
      await expect(
        payload.create({
          collection: 'points-ledger',
          data: row('points-ledger', { member: b.member.id as number, points: 5 }),
          overrideAccess: false,
          user: null,
        }),
      ).rejects.toThrow(/not allowed/)
    },
  )
})
