// Shared by the nurture-*.test.ts files: page views, scoring and sequences against a real SQLite file (one per
// test file, see payload.ts), the site's own modules and the jobs as the worker runs them; Resend is the local
// stand-in speaking its protocol. The bindings below are live: each test file calls useNurture() once, and
// they are set in its beforeAll.
import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, expect } from 'vitest'

import type { Form } from '../../cms/payload-types'
import type { NurtureStore } from '../../functions/nurture/runner'
import { startFakeResend } from './fake-resend'
import { row } from './fixtures'
import { startPayload } from './payload'

const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'
export const CRAWLER = 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)'
export const DAY = 86_400_000

export let payload: Payload
let cleanup: () => Promise<void>
export let resend: Awaited<ReturnType<typeof startFakeResend>>
export let arrivals: typeof import('../../site/lib/arrivals')
let site: typeof import('../../site/lib/cms')
let submitForm: typeof import('../../site/lib/form-submit').submitForm
let nurture: typeof import('../../functions/nurture/runner')
let store: NurtureStore
export let contactForm: number
export let otherForm: number
export let salesUser: number

let visitorCount = 0
export const newVisitor = () => `v${'N'.repeat(14)}${String(++visitorCount).padStart(8, '0')}`

export async function read(path: string, cookie: string | null, userAgent = PHONE) {
  await arrivals.noteArrival({ method: 'GET', path, host: null, userAgent, referrer: null, cookie }, await site.contentStamp())
}

export async function submit(form: number, email: string, visitor: string | null) {
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

export const activityOf = async (where: Where) =>
  (await payload.find({ collection: 'lead-activity', where, sort: 'id', limit: 0, pagination: false, depth: 0 })).docs

export const changesOf = async (lead: number) =>
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
export async function turn(now: Date) {
  const result = await nurture.nurtureTurn(store, now)
  await payload.jobs.run({ queue: 'default', limit: 100 })
  return result
}

/** Boots Payload for the calling test file with a sales owner, two forms, three posts in two categories and a page. */
export function useNurture(): void {
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
        data: { email: 'owner@test.example', password: 'a-Long-passw0rd-here', role: 'sales', name: 'Owner' },
        depth: 0,
      })
    ).id as number
    const fields: Form['fields'] = [
      { name: 'name', type: 'text', label: 'Name', required: true, maxLength: 80 },
      { name: 'email', type: 'email', label: 'Email', required: true },
      { name: 'consent', type: 'consent', label: 'Consent', required: true, consentText: 'You may contact me.' },
    ]
    const form = (name: string) =>
      payload.create({
        collection: 'forms',
        locale: 'en',
        data: { name, defaultRecipient: 'owner@test.example', minSecondsToSubmit: 0, fields },
        depth: 0,
      })
    contactForm = (await form('Contact')).id as number
    otherForm = (await form('Newsletter')).id as number
    const category = await payload.create({
      collection: 'categories',
      locale: 'en',
      data: { title: 'Brand strategy', slug: 'brand' },
      depth: 0,
    })
    const other = await payload.create({ collection: 'categories', locale: 'en', data: { title: 'News', slug: 'news' }, depth: 0 })
    const posts: [slug: string, categories: number[]][] = [
      ['brand-one', [category.id]],
      ['brand-two', [category.id]],
      ['company-news', [other.id]],
    ]
    for (const [slug, categories] of posts)
      await payload.create({
        collection: 'posts',
        locale: 'en',
        data: { title: slug, slug, excerpt: 'x', _status: 'published', visibility: 'public', categories },
        draft: false,
        depth: 0,
      })
    await payload.create({
      collection: 'pages',
      locale: 'en',
      data: row('pages', { title: 'Pricing', path: 'pricing', _status: 'published', layout: [] }),
      draft: false,
      depth: 0,
    })
  })
  afterAll(async () => {
    await cleanup?.()
    await resend?.close()
  })
}
