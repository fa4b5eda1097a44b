// Page views of known people: what is recorded, without consent nothing, and the lead a browser becomes.
import { describe, expect, it } from 'vitest'

import { activityOf, arrivals, CRAWLER, newVisitor, otherForm, payload, read, submit, useNurture } from './nurture-harness'

useNurture()

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
      data: { brandName: 'Test brand', attribution: { touchesNeedConsent: true } },
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
        data: { brandName: 'Test brand', attribution: { touchesNeedConsent: false } },
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
      data: { email: null, name: null, anonymisedAt: new Date().toISOString() },
      depth: 0,
    })
    expect(await activityOf({ visitor: { equals: visitor } })).toEqual([])
    expect(await activityOf({ lead: { equals: lead.id } })).toEqual([])
  })
})
