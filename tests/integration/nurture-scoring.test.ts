// Scoring rules: points with their reasons, decay, who may edit a rule; then the lead inbox, which lists the lead scored
// here (warm@example.com, qualified at 30) among its views.
import { beforeAll, describe, expect, it } from 'vitest'

import {
  changesOf,
  contactForm,
  DAY,
  newVisitor,
  otherForm,
  payload,
  read,
  resend,
  salesUser,
  submit,
  turn,
  useNurture,
} from './nurture-harness'

useNurture()

describe('scoring', () => {
  let formRule: number
  let categoryRule: number

  beforeAll(async () => {
    const brand = (await payload.find({ collection: 'categories', where: { slug: { equals: 'brand' } }, depth: 0 })).docs[0]!
    formRule = (
      await payload.create({
        collection: 'scoring-rules',
        data: { name: 'Contact form', event: 'form-submitted', form: contactForm, points: 10 },
        depth: 0,
      })
    ).id as number
    categoryRule = (
      await payload.create({
        collection: 'scoring-rules',
        data: { name: 'Reads brand strategy', event: 'page-view', category: brand.id, points: 5 },
        depth: 0,
      })
    ).id as number
    await payload.updateGlobal({ slug: 'scoring-settings', data: { threshold: 20 }, depth: 0 })
  })

  it('scores two pages of a category and the contact form: 20, each change with its reason; the owner is told once', async () => {
    const visitor = newVisitor()
    await read('/blog/brand-one', `bs_visitor=${visitor}`)
    await read('/en/blog/brand-two', `bs_visitor=${visitor}`)
    await read('/blog/company-news', `bs_visitor=${visitor}`)
    const lead = await submit(contactForm, 'warm@example.com', visitor)
    const before = resend.received.length
    await turn(new Date())
    const scored = await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })
    expect(scored.score).toBe(20)
    const reasons = (await changesOf(lead.id)).map((c) => [c.points, c.reason])
    expect(reasons).toHaveLength(3)
    expect(reasons).toEqual(
      expect.arrayContaining([
        [5, 'Reads brand strategy (+5): read /blog/brand-one (brand)'],
        [5, 'Reads brand strategy (+5): read /en/blog/brand-two (brand)'],
        [10, `Contact form (+10): submitted form ${contactForm}`],
      ]),
    )
    // 20 reached the threshold: qualified, owned by the form's recipient, who got one email.
    expect(scored).toMatchObject({ status: 'qualified', owner: salesUser })
    expect(scored.qualifiedAt).toBeTruthy()
    expect(scored.lastActivityAt).toBeTruthy()
    const told = resend.received.slice(before).filter((e) => e.idempotencyKey === `lead-qualified/${lead.id}`)
    expect(told).toHaveLength(1)
    expect(told[0]!.subject).toBe('线索已达标：Ann（20 分）')
    expect(told[0]!.text).toContain('Contact form (+10)')
    // More points later never tell the owner again.
    await submit(contactForm, 'warm@example.com', visitor)
    await turn(new Date())
    expect((await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })).score).toBe(30)
    expect(resend.received.filter((e) => e.idempotencyKey === `lead-qualified/${lead.id}`)).toHaveLength(1)
  })

  it('takes points back when a rule’s decay runs out, and counts negative points', async () => {
    await payload.update({ collection: 'scoring-rules', id: categoryRule, data: { decayDays: 7 }, depth: 0 })
    const careers = await payload.create({
      collection: 'scoring-rules',
      data: { name: 'Careers page', event: 'page-view', path: '/pricing', points: -3 },
      depth: 0,
    })
    try {
      const visitor = newVisitor()
      await read('/blog/brand-one', `bs_visitor=${visitor}`)
      await read('/pricing', `bs_visitor=${visitor}`)
      const lead = await submit(otherForm, 'cooling@example.com', visitor)
      await turn(new Date())
      expect((await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })).score).toBe(2)
      await turn(new Date(Date.now() + 8 * DAY))
      const after = await payload.findByID({ collection: 'leads', id: lead.id, depth: 0 })
      expect(after.score).toBe(-3)
      expect((await changesOf(lead.id)).map((c) => c.reason)).toContain('Expired: Reads brand strategy (+5): read /blog/brand-one (brand)')
    } finally {
      await payload.update({ collection: 'scoring-rules', id: categoryRule, data: { decayDays: null }, depth: 0 })
      await payload.delete({ collection: 'scoring-rules', id: careers.id, depth: 0 })
    }
  })

  it('keeps a rule that sales cannot edit: admins and sales managers only', async () => {
    const sales = { ...(await payload.findByID({ collection: 'users', id: salesUser, depth: 0 })), collection: 'users' as const }
    await expect(
      payload.update({ collection: 'scoring-rules', id: formRule, data: { points: 100 }, overrideAccess: false, user: sales, depth: 0 }),
    ).rejects.toThrow()
    const manager = await payload.create({
      collection: 'users',
      data: { email: 'manager@test.example', password: 'a-Long-passw0rd-here', role: 'sales-manager' },
      depth: 0,
    })
    const updated = await payload.update({
      collection: 'scoring-rules',
      id: formRule,
      data: { points: 10 },
      overrideAccess: false,
      user: { ...manager, collection: 'users' },
      depth: 0,
    })
    expect(updated.points).toBe(10)
  })
})

describe('the lead inbox', () => {
  it('finds mine, new today, qualified and hottest leads with the views’ own filters, and shows score and last activity', async () => {
    const { inboxViews } = await import('../../functions/nurture/inbox')
    const views = Object.fromEntries(inboxViews(salesUser, new Date()).map((v) => [v.key, v]))
    const list = async (key: string) => {
      const view = views[key]!
      const { docs } = await payload.find({
        collection: 'leads',
        where: view.where,
        sort: view.sort,
        limit: 0,
        pagination: false,
        depth: 0,
      })
      return docs
    }
    const warm = (await payload.find({ collection: 'leads', where: { email: { equals: 'warm@example.com' } }, depth: 0 })).docs[0]!
    // The lead that crossed the threshold is the form recipient's, qualified, and top of the hottest.
    expect((await list('mine')).map((l) => l.email)).toContain('warm@example.com')
    expect((await list('qualified')).map((l) => l.email)).toEqual(['warm@example.com'])
    const hottest = await list('hottest')
    expect(hottest[0]).toMatchObject({ email: 'warm@example.com', score: 30 })
    expect(hottest.map((l) => l.score)).toEqual([...hottest.map((l) => l.score)].sort((a, b) => Number(b) - Number(a)))
    expect((await list('new-today')).length).toBeGreaterThan(0)
    expect(warm.lastActivityAt).toBeTruthy()
    // Won and lost leads leave the hottest view.
    await payload.update({ collection: 'leads', id: warm.id, data: { status: 'won' }, depth: 0 })
    expect((await list('hottest')).map((l) => l.email)).not.toContain('warm@example.com')
  })
})
