import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { directTouch } from '../../functions/attribution/channels'
import type { Touch } from '../../functions/attribution/touch'
import type { TouchStore } from '../../functions/attribution/touch-recorder'
import { row } from './fixtures'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let stores: Record<string, TouchStore>
let arrivals: typeof import('../../site/lib/arrivals')
let pageId: number

const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47'
const touch = (over: Partial<Touch>): Touch => ({ ...directTouch('https://brand.example/', '2026-03-03T10:00:00Z'), ...over })
const lead = async (email: string) => (await payload.create({ collection: 'leads', data: { email, status: 'new' }, depth: 0 })).id

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  const { localApiTouchStore, sqliteTouchStore } = await import('../../cms/attribution')
  stores = { 'Local API (any database)': localApiTouchStore(payload), 'SQL (embedded SQLite)': sqliteTouchStore(payload) }
  arrivals = await import('../../site/lib/arrivals')
  pageId = (
    await payload.create({
      collection: 'pages',
      data: row('pages', { title: 'Spring', path: 'spring', _status: 'published', layout: [] }),
      depth: 0,
    })
  ).id as number
})
afterAll(async () => cleanup?.())

describe.each(Object.keys({ 'Local API (any database)': 1, 'SQL (embedded SQLite)': 1 }))('touch store: %s', (name) => {
  const v = (n: number) => `v${name.startsWith('SQL') ? 'S' : 'L'}${String(n).padStart(21, '0')}`

  it('stores touches and finds a visitor’s first and latest touch before a moment', async () => {
    const store = stores[name]!
    await store.insertTouches([
      { visitor: v(1), touch: touch({ channel: 'wechat', medium: 'moments', at: '2026-03-03T10:00:00.000Z' }) },
      { visitor: v(1), touch: touch({ channel: 'search', source: 'baidu', at: '2026-03-05T10:00:00.000Z' }) },
      { visitor: v(1), touch: touch({ channel: 'linkedin', at: '2026-03-09T10:00:00.000Z' }) },
      { visitor: v(2), touch: touch({ channel: 'weibo', at: '2026-03-01T10:00:00.000Z' }) },
    ])
    const { first, last } = await store.touchesOf(v(1), new Date('2026-03-06T00:00:00Z'))
    expect(first).toMatchObject({ channel: 'wechat', medium: 'moments', at: '2026-03-03T10:00:00.000Z' })
    expect(last).toMatchObject({ channel: 'search', source: 'baidu', at: '2026-03-05T10:00:00.000Z' })
    expect(await store.touchesOf(v(9), new Date())).toEqual({ first: null, last: null })
  })

  it('links a visitor’s unowned touches to a lead and never takes another lead’s', async () => {
    const store = stores[name]!
    const a = await lead(`a-${name.length}@example.com`)
    const b = await lead(`b-${name.length}@example.com`)
    await store.insertTouches([{ visitor: v(3), touch: touch({ channel: 'x' }) }])
    await store.linkVisitor(v(3), a)
    await store.insertTouches([{ visitor: v(3), touch: touch({ channel: 'zhihu', at: '2026-03-10T00:00:00.000Z' }) }])
    await store.linkVisitor(v(3), b)
    const rows = await payload.find({ collection: 'touches', where: { visitor: { equals: v(3) } }, sort: 'at', depth: 0 })
    expect(rows.docs.map((d) => [d.channel, d.lead])).toEqual([
      ['x', a],
      ['zhihu', b],
    ])
  })

  it('adds clicks to one row per link and day', async () => {
    const store = stores[name]!
    const link = `c-${name.startsWith('SQL') ? 's' : 'l'}`
    await store.addClicks([{ link, day: '2026-03-03', count: 3 }])
    await store.addClicks([
      { link, day: '2026-03-03', count: 4 },
      { link, day: '2026-03-04', count: 1 },
    ])
    const rows = await payload.find({ collection: 'link-clicks', where: { link: { equals: link } }, sort: 'day', depth: 0 })
    expect(rows.docs.map((d) => [d.day, d.count])).toEqual([
      ['2026-03-03', 7],
      ['2026-03-04', 1],
    ])
  })
})

describe('campaign links on the site', () => {
  const request = (path: string, over: Partial<import('../../site/lib/arrivals').ArrivalInput> = {}) =>
    arrivals.noteArrival(
      { method: 'GET', path, host: 'localhost:4321', userAgent: PHONE, referrer: null, cookie: null, ...over },
      `stamp-${Date.now()}-${Math.random()}`,
    )

  it('redirects a known code to its target with the UTM values, counts the click and records the touch', async () => {
    await payload.create({
      collection: 'campaign-links',
      data: {
        code: 'spring-wx',
        title: 'WeChat',
        channel: 'wechat',
        status: 'active',
        target: { kind: 'page', page: pageId },
        utm: { source: 'wechat', medium: 'article', campaign: 'spring' },
      },
      depth: 0,
    })
    const outcome = await request('/go/spring-wx')
    expect(outcome.redirect).toBe('http://localhost:4321/spring?utm_source=wechat&utm_medium=article&utm_campaign=spring')
    expect(outcome.setCookie).toMatch(/^bs_visitor=v[A-Za-z0-9_-]{22}; Path=\/; Max-Age=34128000; HttpOnly; SameSite=Lax$/)
    const bot = await request('/go/spring-wx', { userAgent: 'facebookexternalhit/1.1' })
    expect(bot).toEqual({ setCookie: null, redirect: outcome.redirect })
    await arrivals.flushArrivals()
    const clicks = await payload.find({ collection: 'link-clicks', where: { link: { equals: 'spring-wx' } }, depth: 0 })
    expect(clicks.docs.map((d) => d.count)).toEqual([1])
    const visitor = /bs_visitor=([^;]+)/.exec(outcome.setCookie!)![1]!
    const touches = await payload.find({ collection: 'touches', where: { visitor: { equals: visitor } }, depth: 0 })
    expect(touches.docs.map((d) => [d.channel, d.campaign, d.campaignLink, d.landingPage])).toEqual([
      ['wechat', 'spring', 'spring-wx', '/go/spring-wx'],
    ])

    // The landing request the redirect leads to is the same arrival, not a second touch.
    await request('/spring?utm_source=wechat&utm_medium=article&utm_campaign=spring', { cookie: `bs_visitor=${visitor}` })
    await arrivals.flushArrivals()
    expect((await payload.count({ collection: 'touches', where: { visitor: { equals: visitor } } })).totalDocs).toBe(1)
  })

  it('follows a changed target, and sends archived links to the fallback page', async () => {
    const link = await payload.create({
      collection: 'campaign-links',
      data: { code: 'moving', title: 'Poster', status: 'active', target: { kind: 'url', url: '/first' } },
      depth: 0,
    })
    expect((await request('/go/moving')).redirect).toBe('http://localhost:4321/first')
    await payload.update({ collection: 'campaign-links', id: link.id, data: { target: { kind: 'url', url: '/second?x=1' } }, depth: 0 })
    expect((await request('/go/moving')).redirect).toBe('http://localhost:4321/second?x=1')
    await payload.update({ collection: 'campaign-links', id: link.id, data: { status: 'archived' }, depth: 0 })
    expect((await request('/go/moving')).redirect).toBe('http://localhost:4321/')
  })

  it('never becomes an open redirect', async () => {
    await payload.create({
      collection: 'campaign-links',
      data: { code: 'offsite', title: 'Elsewhere', status: 'active', target: { kind: 'url', url: 'https://evil.example/phish' } },
      depth: 0,
    })
    // An off-site target without an admin's flag goes to the fallback page, not off-site.
    expect((await request('/go/offsite')).redirect).toBe('http://localhost:4321/')
    for (const path of [
      '/go/..',
      '/go/%2F%2Fevil.example',
      '/go//evil.example',
      '/go/javascript:alert(1)',
      '/go/%2e%2e',
      '/go/',
      '/go/UNKNOWN',
      '/go/spring-wx/extra',
      '/go/\\evil.example',
    ]) {
      expect((await request(path)).redirect, path).toBeNull()
    }
  })

  it('gives a new browser an id and a direct touch, and a known browser a touch only for new information', async () => {
    const first = await request('/about')
    const visitor = /bs_visitor=([^;]+)/.exec(first.setCookie!)![1]!
    const cookie = `bs_visitor=${visitor}`
    expect((await request('/blog', { cookie, referrer: 'http://localhost:4321/about' })).setCookie).toBeNull()
    await request('/blog?utm_source=weibo&utm_campaign=may', { cookie })
    for (const path of ['/_astro/x.js', '/media/a.webp', '/api/forms/1', '/favicon.svg'])
      expect(await request(path)).toEqual({ setCookie: null, redirect: null })
    await arrivals.flushArrivals()
    const rows = await payload.find({ collection: 'touches', where: { visitor: { equals: visitor } }, sort: 'at', depth: 0 })
    expect(rows.docs.map((d) => [d.channel, d.campaign, d.landingPage])).toEqual([
      ['direct', null, '/about'],
      ['weibo', 'may', '/blog'],
    ])
  })
})
