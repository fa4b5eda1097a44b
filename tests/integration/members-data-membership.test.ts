// Membership: the tier by points earned, rewards within the balance, editors' grants in an append-only ledger.
import { describe, expect, it } from 'vitest'

import { row } from './fixtures'
import { h, payload, useMembersData } from './members-data-harness'

useMembersData()

describe('membership', () => {
  it('shows the tier by points earned and redeems a reward within the balance only', async () => {
    await payload.create({
      collection: 'tiers',
      locale: 'en',
      data: { name: 'Silver', minPoints: 100, benefits: [{ text: 'Early access' }] },
    })
    await payload.create({ collection: 'tiers', locale: 'en', data: { name: 'Gold', minPoints: 1000 } })
    const reward = await payload.create({ collection: 'rewards', locale: 'en', data: { name: 'Tea set', cost: 80, active: true } })
    const { cookie, member } = await h.signUp('points@example.com')
    expect((await h.call('POST', '/en/account/membership', { body: { reward: String(reward.id) }, cookie })).json).toEqual({ ok: true })
    const again = await h.call('POST', '/en/account/membership', { body: { reward: String(reward.id) }, cookie })
    expect([again.status, again.json]).toEqual([
      409,
      { error: { code: 'not-enough-points', message: 'You do not have enough points for this.' } },
    ])
    const page = await h.call('GET', '/en/account/membership', { cookie })
    expect(page.model?.data.summary).toEqual({
      balance: 20,
      tierPoints: 100,
      tier: { id: expect.any(Number), name: 'Silver', minPoints: 100, benefits: ['Early access'] },
      nextTier: expect.objectContaining({ name: 'Gold' }),
      pointsToNextTier: 900,
      referrals: 0,
    })
    const ledger = await payload.find({ collection: 'points-ledger', where: { member: { equals: member.id } }, sort: 'at', depth: 0 })
    expect(ledger.docs.map((e) => [e.kind, e.reason, e.points, e.note ?? null])).toEqual([
      ['earn', 'sign-up', 100, null],
      ['spend', 'reward', -80, 'Tea set'],
    ])
  })

  it('lets an editor grant points, never below zero, and nobody edit or delete an entry', async () => {
    const editor = await payload.create({
      collection: 'users',
      data: { email: 'editor@example.com', password: 'Editor-passw0rd 1', role: 'editor' },
    })
    const user = { ...editor, collection: 'users' as const }
    const { member } = await h.signUp('grant@example.com')
    const grant = await payload.create({
      collection: 'points-ledger',
      data: row('points-ledger', { member: member.id, points: 250, note: 'Webinar' }),
      overrideAccess: false,
      user,
    })
    expect([grant.kind, grant.reason, grant.points]).toEqual(['earn', 'editor-grant', 250])
    await expect(
      payload.create({
        collection: 'points-ledger',
        data: row('points-ledger', { member: member.id, points: -1000 }),
        overrideAccess: false,
        user,
      }),
    ).rejects.toThrow('This correction would take the member below zero points (balance 350).')
    await expect(
      payload.update({ collection: 'points-ledger', id: grant.id, data: { points: 1 }, overrideAccess: false, user }),
    ).rejects.toThrow(/not allowed/)
    await expect(payload.delete({ collection: 'points-ledger', id: grant.id, overrideAccess: false, user })).rejects.toThrow(/not allowed/)
  })
})
