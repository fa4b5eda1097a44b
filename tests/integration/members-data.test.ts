import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { harness } from './members-harness'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let h: ReturnType<typeof harness>
let arrivals: typeof import('../../site/lib/arrivals')
let view: typeof import('../../site/lib/view')

const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'

/** A browser's visit: the touch it records, and its visitor cookie. */
async function visit(path: string, cookie: string | null = null): Promise<{ cookie: string; redirect: string | null }> {
  const outcome = await arrivals.noteArrival(
    { method: 'GET', path, host: 'localhost:4321', userAgent: PHONE, referrer: null, cookie },
    null,
  )
  await arrivals.flushArrivals()
  return { cookie: cookie ?? outcome.setCookie?.split(';')[0] ?? '', redirect: outcome.redirect }
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  h = harness(payload)
  arrivals = await import('../../site/lib/arrivals')
  view = await import('../../site/lib/view')
  await payload.updateGlobal({ slug: 'site-settings', locale: 'en', data: { brandName: 'Lantern Tea' } })
})
afterAll(async () => cleanup?.())

describe('identity and referral', () => {
  it('links the member to the lead with the same email, takes its first touch, and links the browser’s touches', async () => {
    const form = await payload.create({
      collection: 'forms',
      locale: 'en',
      data: { name: 'Contact', fields: [{ name: 'email', type: 'email', label: 'Email' }], defaultRecipient: 'sales@example.com' } as never,
    })
    const firstTouch = { channel: 'wechat', medium: 'moments', landingPage: '/', at: '2026-03-01T08:00:00.000Z' }
    const lead = await payload.create({
      collection: 'leads',
      data: { email: 'known@example.com', status: 'contacted', firstTouch } as never,
    })
    await payload.create({
      collection: 'submissions',
      data: { form: form.id, lead: lead.id, values: { email: 'known@example.com', message: 'Call me' }, locale: 'en' } as never,
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
      data: { email: 'editor@example.com', password: 'Editor-passw0rd 1', role: 'editor' } as never,
    })
    const user = { ...editor, collection: 'users' as const }
    const { member } = await h.signUp('grant@example.com')
    const grant = await payload.create({
      collection: 'points-ledger',
      data: { member: member.id, points: 250, note: 'Webinar' } as never,
      overrideAccess: false,
      user,
    })
    expect([grant.kind, grant.reason, grant.points]).toEqual(['earn', 'editor-grant', 250])
    await expect(
      payload.create({ collection: 'points-ledger', data: { member: member.id, points: -1000 } as never, overrideAccess: false, user }),
    ).rejects.toThrow('This correction would take the member below zero points (balance 350).')
    await expect(
      payload.update({ collection: 'points-ledger', id: grant.id, data: { points: 1 }, overrideAccess: false, user }),
    ).rejects.toThrow(/not allowed/)
    await expect(payload.delete({ collection: 'points-ledger', id: grant.id, overrideAccess: false, user })).rejects.toThrow(/not allowed/)
  })
})

describe('gated content', () => {
  it('gives visitors the title and excerpt only, members the body; tiers by points; the body is in no API answer', async () => {
    const gold = await payload.create({ collection: 'tiers', locale: 'zh-CN', data: { name: '白金', minPoints: 5000 } })
    const body = {
      root: {
        type: 'root',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            children: [{ type: 'text', version: 1, text: 'zebracorn secret', format: 0, detail: 0, mode: 'normal', style: '' }],
          },
        ],
      },
    }
    await payload.create({
      collection: 'posts',
      locale: 'zh-CN',
      data: { title: '会员', slug: 'members-only', excerpt: 'Teaser', body, visibility: 'members', _status: 'published' } as never,
    })
    await payload.create({
      collection: 'posts',
      locale: 'zh-CN',
      data: {
        title: '白金',
        slug: 'platinum-only',
        excerpt: 'For platinum',
        body,
        visibility: 'tier',
        minTier: gold.id,
        _status: 'published',
      } as never,
    })
    const anonymous = await view.resolveView('/blog/members-only', null, null, new URLSearchParams(), null)
    expect(anonymous.gated).toBe(true)
    expect(anonymous.view).toMatchObject({ kind: 'gated', title: '会员', excerpt: 'Teaser', need: 'sign-in', tierName: null })
    expect(JSON.stringify(anonymous)).not.toContain('zebracorn')
    const unconfirmed = await h.call('POST', '/en/account/sign-up', {
      body: { email: 'unconfirmed@example.com', password: 'Lantern-garden 42' },
      ip: '198.51.100.99',
    })
    const notYet = await view.resolveView('/blog/members-only', null, null, new URLSearchParams(), h.sessionOf(unconfirmed))
    expect(notYet.view).toMatchObject({ kind: 'gated', need: 'sign-in' })
    const { cookie } = await h.signUp('reader@example.com')
    const member = await view.resolveView('/blog/members-only', null, null, new URLSearchParams(), cookie)
    expect(member.view.kind).toBe('post')
    expect(JSON.stringify(member.view)).toContain('zebracorn')
    const low = await view.resolveView('/blog/platinum-only', null, null, new URLSearchParams(), cookie)
    expect(low.view).toMatchObject({ kind: 'gated', need: 'upgrade', tierName: '白金' })
    expect(JSON.stringify(low)).not.toContain('zebracorn')
    // What the REST API and GraphQL answer anonymous readers: the same field access.
    const rest = await payload.find({
      collection: 'posts',
      where: { slug: { in: ['members-only', 'platinum-only'] } },
      overrideAccess: false,
      user: null,
      locale: 'zh-CN',
    })
    expect(rest.docs.map((d) => [d.slug, d.body ?? null, d.excerpt])).toEqual(
      expect.arrayContaining([
        ['members-only', null, 'Teaser'],
        ['platinum-only', null, 'For platinum'],
      ]),
    )
    await expect(
      payload.find({ collection: 'posts', where: { body: { like: 'zebracorn' } }, overrideAccess: false, user: null }),
    ).rejects.toThrow()
  })
})

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
      data: { name: 'Demo', fields: [{ name: 'email', type: 'email', label: 'Email' }], defaultRecipient: 'sales@example.com' } as never,
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
      } as never,
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
