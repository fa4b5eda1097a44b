import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NurtureStore } from '../../functions/nurture/runner'
import { startFakeResend } from './fake-resend'
import { startPayload } from './payload'

// Page views, scoring and sequences against a real SQLite file, the site's own modules and the
// jobs as the worker runs them; Resend is the local stand-in speaking its protocol.
const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'
const CRAWLER = 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)'
const DAY = 86_400_000

let payload: Payload
let cleanup: () => Promise<void>
let resend: Awaited<ReturnType<typeof startFakeResend>>
let arrivals: typeof import('../../site/lib/arrivals')
let site: typeof import('../../site/lib/cms')
let submitForm: typeof import('../../site/lib/form-submit').submitForm
let nurture: typeof import('../../functions/nurture/runner')
let store: NurtureStore
let contactForm: number
let otherForm: number
let salesUser: number

let visitorCount = 0
const newVisitor = () => `v${'N'.repeat(14)}${String(++visitorCount).padStart(8, '0')}`

async function read(path: string, cookie: string | null, userAgent = PHONE) {
  await arrivals.noteArrival({ method: 'GET', path, host: null, userAgent, referrer: null, cookie }, await site.contentStamp())
}

async function submit(form: number, email: string, visitor: string | null) {
  const outcome = await submitForm({
    formId: String(form),
    fields: { name: 'Ann', email, consent: 'yes' },
    locale: 'en',
    pageUrl: 'https://brand.example/en/contact',
    referrer: null,
    userAgent: PHONE,
    clientAddress: '192.0.2.1',
    cookie: visitor ? `bs_visitor=${visitor}` : null,
  })
  expect(outcome.status).toBe(201)
  return (await payload.find({ collection: 'leads', where: { email: { equals: email } }, depth: 0 })).docs[0]!
}

const activityOf = async (where: Record<string, unknown>) =>
  (await payload.find({ collection: 'lead-activity', where: where as never, sort: 'id', limit: 0, pagination: false, depth: 0 })).docs

const changesOf = async (lead: number) =>
  (
    await payload.find({
      collection: 'score-changes',
      where: { lead: { equals: lead } },
      sort: 'id',
      limit: 0,
      pagination: false,
      depth: 0,
    })
  ).docs

/** One turn of the worker's nurture loop at `now`, then its queued jobs. */
async function turn(now: Date) {
  const result = await nurture.nurtureTurn(store, now)
  await payload.jobs.run({ queue: 'default', limit: 100 })
  return result
}

beforeAll(async () => {
  resend = await startFakeResend()
  process.env.RESEND_API_KEY = 're_test_key'
  process.env.RESEND_BASE_URL = resend.url
  ;({ payload, cleanup } = await startPayload())
  arrivals = await import('../../site/lib/arrivals')
  site = await import('../../site/lib/cms')
  ;({ submitForm } = await import('../../site/lib/form-submit'))
  nurture = await import('../../functions/nurture/runner')
  const { nurtureStoreFor } = await import('../../cms/nurture')
  store = nurtureStoreFor(payload)
  salesUser = (
    await payload.create({
      collection: 'users',
      data: { email: 'owner@test.example', password: 'a-Long-passw0rd-here', role: 'sales', name: 'Owner' } as never,
      depth: 0,
    })
  ).id as number
  const fields = [
    { name: 'name', type: 'text', label: 'Name', required: true, maxLength: 80 },
    { name: 'email', type: 'email', label: 'Email', required: true },
    { name: 'consent', type: 'consent', label: 'Consent', required: true, consentText: 'You may contact me.' },
  ]
  const form = (name: string) =>
    payload.create({
      collection: 'forms',
      locale: 'en',
      data: { name, defaultRecipient: 'owner@test.example', minSecondsToSubmit: 0, fields } as never,
      depth: 0,
    })
  contactForm = (await form('Contact')).id as number
  otherForm = (await form('Newsletter')).id as number
  const category = await payload.create({
    collection: 'categories',
    locale: 'en',
    data: { title: 'Brand strategy', slug: 'brand' } as never,
    depth: 0,
  })
  const other = await payload.create({ collection: 'categories', locale: 'en', data: { title: 'News', slug: 'news' } as never, depth: 0 })
  for (const [slug, categories] of [
    ['brand-one', [category.id]],
    ['brand-two', [category.id]],
    ['company-news', [other.id]],
  ] as const)
    await payload.create({
      collection: 'posts',
      locale: 'en',
      data: { title: slug, slug, excerpt: 'x', _status: 'published', visibility: 'public', categories } as never,
      draft: false,
      depth: 0,
    })
  await payload.create({
    collection: 'pages',
    locale: 'en',
    data: { title: 'Pricing', path: 'pricing', _status: 'published', layout: [] } as never,
    draft: false,
    depth: 0,
  })
})
afterAll(async () => {
  await cleanup?.()
  await resend?.close()
})

describe('page views of known people', () => {
  it('records content pages with their categories, and leaves out account pages, search, unknown paths, crawlers and reloads', async () => {
    const visitor = newVisitor()
    const cookie = `bs_visitor=${visitor}`
    await read('/blog/brand-one', cookie)
    await read('/blog/brand-one', cookie) // a reload: the same reading
    await read('/en/blog/company-news?utm_source=x', cookie)
    await read('/pricing', cookie)
    await read('/account/profile', cookie)
    await read('/en/account', cookie)
    await read('/search?q=brand', cookie)
    await read('/no-such-page', cookie)
    await read('/blog/brand-two', cookie, CRAWLER)
    await arrivals.flushArrivals()
    const rows = await activityOf({ visitor: { equals: visitor } })
    expect(rows.map((r) => [r.kind, r.path, r.categories, r.lead ?? null])).toEqual([
      ['page-view', '/blog/brand-one', ['brand'], null],
      ['page-view', '/en/blog/company-news', ['news'], null],
      ['page-view', '/pricing', [], null],
    ])
  })

  it('records nothing for a browser without consent where the site asks for it', async () => {
    await payload.updateGlobal({
      slug: 'site-settings',
      data: { brandName: 'Test brand', attribution: { touchesNeedConsent: true } } as never,
      depth: 0,
    })
    try {
      const visitor = newVisitor()
      await read('/blog/brand-one', `bs_visitor=${visitor}`)
      await read('/blog/brand-two', `bs_visitor=${visitor}; bs_consent=no`)
      const consented = newVisitor()
      await read('/blog/brand-one', `bs_visitor=${consented}; bs_consent=yes`)
      await arrivals.flushArrivals()
      expect(await activityOf({ visitor: { equals: visitor } })).toEqual([])
      expect((await activityOf({ visitor: { equals: consented } })).map((r) => r.path)).toEqual(['/blog/brand-one'])
    } finally {
      await payload.updateGlobal({
        slug: 'site-settings',
        data: { brandName: 'Test brand', attribution: { touchesNeedConsent: false } } as never,
        depth: 0,
      })
    }
  })

  it('gives the browser’s earlier page views to the lead it becomes, and later ones at once; erasure removes them', async () => {
    const visitor = newVisitor()
    await read('/blog/brand-one', `bs_visitor=${visitor}`)
    const lead = await submit(otherForm, 'reader@example.com', visitor)
    await read('/pricing', `bs_visitor=${visitor}`)
    await arrivals.flushArrivals()
    const rows = await activityOf({ visitor: { equals: visitor } })
    expect(rows.map((r) => [r.kind, r.path, r.lead])).toEqual([
      ['page-view', '/blog/brand-one', lead.id],
      ['form-submitted', null, lead.id],
      ['page-view', '/pricing', lead.id],
    ])
    // The person erases their account: the lead is anonymised, and what they read goes with it.
    await payload.update({
      collection: 'leads',
      id: lead.id,
      data: { email: null, name: null, anonymisedAt: new Date().toISOString() } as never,
      depth: 0,
    })
    expect(await activityOf({ visitor: { equals: visitor } })).toEqual([])
    expect(await activityOf({ lead: { equals: lead.id } })).toEqual([])
  })
})

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
      data: { email: 'manager@test.example', password: 'a-Long-passw0rd-here', role: 'sales-manager' } as never,
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

describe('sequences', () => {
  let sequence: number

  beforeAll(async () => {
    await payload.updateGlobal({ slug: 'scoring-settings', data: { threshold: null }, depth: 0 })
    const created = await payload.create({
      collection: 'sequences',
      locale: 'en',
      data: {
        name: 'Welcome',
        trigger: 'form-submitted',
        form: contactForm,
        steps: [
          {
            delay: 0,
            unit: 'minutes',
            subject: 'Welcome, {name|friend}',
            body: 'Thanks for writing.\n\nRead https://brand.example/blog/brand-one',
          },
          { delay: 2, unit: 'days', subject: 'Two days later', body: 'Still thinking about it?' },
        ],
      } as never,
      depth: 0,
    })
    sequence = created.id as number
  })

  const mailTo = (email: string) => resend.received.filter((e) => e.to.includes(email)).map((e) => e.subject)

  it('sends step 1 at once and step 2 when the clock reaches two days, each once', async () => {
    const lead = await submit(contactForm, 'welcome@example.com', null)
    // Taken after the submission: step 1 is due at the enrolment, later than any instant before it.
    const start = new Date()
    await turn(start)
    expect(mailTo('welcome@example.com')).toEqual(['Welcome, Ann'])
    const sent = resend.received.find((e) => e.to.includes('welcome@example.com'))!
    expect(sent.idempotencyKey).toMatch(/^sequence-step\/\d+\/[0-9a-f]+$/)
    expect(sent.html).toContain('/l/')
    // A day later nothing is due; the worker restarting (a second run of the same turn) sends nothing twice.
    await turn(new Date(start.getTime() + DAY))
    await turn(new Date(start.getTime() + DAY))
    expect(mailTo('welcome@example.com')).toEqual(['Welcome, Ann'])
    await turn(new Date(start.getTime() + 2 * DAY + 60_000))
    expect(mailTo('welcome@example.com')).toEqual(['Welcome, Ann', 'Two days later'])
    const enrolment = (await payload.find({ collection: 'sequence-enrolments', where: { lead: { equals: lead.id } }, depth: 0 })).docs
    expect(enrolment.map((e) => [e.status, e.sentCount])).toEqual([['completed', 2]])
  })

  it('sends nothing more once sales mark the lead contacted, and says why it left', async () => {
    const lead = await submit(contactForm, 'busy@example.com', null)
    const start = new Date()
    await turn(start)
    expect(mailTo('busy@example.com')).toEqual(['Welcome, Ann'])
    await payload.update({ collection: 'leads', id: lead.id, data: { status: 'contacted' }, depth: 0 })
    await turn(new Date(start.getTime() + 3 * DAY))
    expect(mailTo('busy@example.com')).toEqual(['Welcome, Ann'])
    const [enrolment] = (await payload.find({ collection: 'sequence-enrolments', where: { lead: { equals: lead.id } }, depth: 0 })).docs
    expect(enrolment).toMatchObject({ status: 'exited', exitReason: 'status contacted', sentCount: 1 })
  })

  it('enrols a person once while they are in it, and applies an edited delay to those waiting', async () => {
    const lead = await submit(contactForm, 'twice@example.com', null)
    await submit(contactForm, 'twice@example.com', null)
    const start = new Date()
    await turn(start)
    expect((await payload.find({ collection: 'sequence-enrolments', where: { lead: { equals: lead.id } }, depth: 0 })).totalDocs).toBe(1)
    const current = await payload.findByID({ collection: 'sequences', id: sequence, locale: 'en', depth: 0 })
    // The second step now waits 5 days: at day 3 nothing goes out, at day 5 it does.
    await payload.update({
      collection: 'sequences',
      id: sequence,
      locale: 'en',
      data: { steps: current.steps!.map((s, i) => (i === 1 ? { ...s, delay: 5 } : s)) },
      depth: 0,
    })
    await turn(new Date(start.getTime() + 3 * DAY))
    expect(mailTo('twice@example.com')).toEqual(['Welcome, Ann'])
    await turn(new Date(start.getTime() + 5 * DAY + 60_000))
    expect(mailTo('twice@example.com')).toEqual(['Welcome, Ann', 'Two days later'])
  })

  it('counts sent, clicked and left per step', async () => {
    const { sequenceStats } = await import('../../cms/nurture/stats')
    const email = resend.received.find((e) => e.to.includes('welcome@example.com'))!
    const token = /\/l\/([^"]+)"/.exec(email.html)![1]!
    const { followBroadcastLink } = await import('../../site/lib/stores')
    expect(await followBroadcastLink(token, null)).toBe('https://brand.example/blog/brand-one')
    const stats = await sequenceStats(payload, sequence)
    expect(stats.steps.map((s) => [s.sent, s.clicked, s.left])).toEqual([
      [3, 1, 1],
      [2, 0, 0],
    ])
    const clicks = await activityOf({ kind: { equals: 'email-click' } })
    expect(clicks).toHaveLength(1)
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
        where: view.where as never,
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
