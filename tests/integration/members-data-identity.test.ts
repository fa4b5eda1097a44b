// A member's identity and referrals: linked to the lead with their email and their browser's touches; referrers credited.
import { describe, expect, it } from 'vitest'

import { h, payload, useMembersData, visit } from './members-data-harness'

useMembersData()

describe('identity and referral', () => {
  it('links the member to the lead with the same email, takes its first touch, and links the browser’s touches', async () => {
    const form = await payload.create({
      collection: 'forms',
      locale: 'en',
      data: { name: 'Contact', fields: [{ name: 'email', type: 'email', label: 'Email' }], defaultRecipient: 'sales@example.com' },
    })
    const firstTouch = { channel: 'wechat', medium: 'moments', landingPage: '/', at: '2026-03-01T08:00:00.000Z' }
    const lead = await payload.create({
      collection: 'leads',
      data: { email: 'known@example.com', status: 'contacted', firstTouch },
    })
    await payload.create({
      collection: 'submissions',
      data: { form: form.id, lead: lead.id, values: { email: 'known@example.com', message: 'Call me' }, locale: 'en' },
    })
    const browser = await visit('/?utm_source=weibo&utm_medium=social&utm_campaign=spring')
    const { cookie, member } = await h.signUp('known@example.com', 'Lantern-garden 42', { cookie: browser.cookie })
    const stored = await payload.findByID({ collection: 'members', id: member.id, depth: 0 })
    expect(stored.lead).toBe(lead.id)
    expect(stored.firstTouch).toEqual(firstTouch)
    expect(stored.lastTouch).toMatchObject({ channel: 'weibo', campaign: 'spring' })
    const linked = await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })
    expect([linked.member, typeof linked.becameMemberAt]).toEqual([member.id, 'string'])
    expect((await payload.find({ collection: 'leads', where: { email: { equals: 'known@example.com' } } })).totalDocs).toBe(1)
    const touches = await payload.find({ collection: 'touches', where: { visitor: { equals: browser.cookie.split('=')[1] } }, depth: 0 })
    expect(touches.docs.map((t) => t.lead)).toEqual([lead.id])
    // My requests: the lead's submission, with the status the member may see.
    const requests = await h.call('GET', '/en/account/requests', { cookie })
    expect(requests.model?.data.requests).toEqual([
      {
        id: expect.any(Number),
        form: 'Contact',
        at: expect.any(String),
        status: 'In progress',
        values: [
          ['email', 'known@example.com'],
          ['message', 'Call me'],
        ],
      },
    ])
  })

  it('credits the referrer when a visitor from /r/<code> becomes a member, at most 10 a day', async () => {
    const referrer = await h.signUp('referrer@example.com')
    const code = referrer.member.referralCode as string
    expect((await visit(`/r/${code.toLowerCase()}`)).redirect).toBe('http://localhost:4321/')
    expect((await visit('/r/NOTACODE')).redirect).toBeNull()
    for (let i = 0; i < 11; i++) {
      const browser = await visit(`/r/${code}`)
      const { member } = await h.signUp(`friend-${i}@example.com`, 'Lantern-garden 42', {
        cookie: browser.cookie,
        ip: `198.51.100.${10 + i}`,
      })
      expect(member.referredBy).toBe(referrer.member.id)
      if (i === 0)
        expect(
          (await payload.find({ collection: 'touches', where: { visitor: { equals: browser.cookie.split('=')[1] } }, depth: 0 })).docs[0],
        ).toMatchObject({ channel: 'referral', referralCode: code })
    }
    const ledger = await payload.find({
      collection: 'points-ledger',
      where: { and: [{ member: { equals: referrer.member.id } }, { reason: { equals: 'referral-member' } }] },
      limit: 20,
      depth: 0,
    })
    expect(ledger.totalDocs).toBe(10)
    const membership = await h.call('GET', '/en/account/membership', { cookie: referrer.cookie })
    expect(membership.model?.data).toMatchObject({
      referred: 11,
      summary: { balance: 2100 },
      referralLink: `http://localhost:4321/r/${code}`,
    })
  })
})
