// `npm run bench` (part): what recording a page view costs a cached page, and how many events a
// second scoring and sequence evaluation take on SQLite. Uses the built site on a scratch database.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { build } from '../scripts/build.mjs'
import { bin, productEnv, root, run, waitForHttp } from '../scripts/lib.mjs'
import { runBench } from './lib'

const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'
const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'
const REQUESTS = Number(process.env.BENCH_PAGE_VIEWS ?? 2000)
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000)
const dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-'))
const env = productEnv({
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  CMS_PORT: '3422',
  SITE_PORT: '4443',
  ADMIN_EMAIL: 'bench@example.com',
  ADMIN_PASSWORD: 'bench-Passw0rd-long',
})
const children: ChildProcess[] = []

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!
const visitorId = (n: number) => `v${'B'.repeat(12)}${String(n).padStart(10, '0')}`

async function timeOne(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now()
  const response = await fetch(url, { headers, redirect: 'manual' })
  await response.arrayBuffer()
  return performance.now() - started
}

async function pageViews(siteUrl: string) {
  const page = `${siteUrl}/about`
  await fetch(page)
  const withView: number[] = []
  const without: number[] = []
  // Interleaved, so the machine's noise falls on both alike. Every request with a view is a
  // different returning browser (a view of the same page by the same browser within ten minutes
  // is one view), arriving from inside the site (no touch): the page view is the only difference.
  for (let i = 0; i < REQUESTS; i++) {
    withView.push(await timeOne(page, { 'user-agent': PHONE, cookie: `bs_visitor=${visitorId(i)}`, referer: `${siteUrl}/` }))
    without.push(await timeOne(page, { 'user-agent': CRAWLER, referer: `${siteUrl}/` }))
  }
  return { withView, without }
}

async function scoring() {
  // In this process, on the same kind of database file the worker uses.
  process.env.DATA_DIR = path.join(dataDir, 'scoring')
  process.env.DISABLE_PAYLOAD_HMR = 'true'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../cms/payload.config')
  const payload = await getPayload({ config, cron: false })
  const { migrateDatabase } = await import('../cms/database')
  await migrateDatabase(payload)
  const { insertActivity, nurtureStoreFor } = await import('../cms/nurture')
  const { processActivity, queueDueSteps } = await import('../functions/nurture/runner')
  const category = await payload.create({
    collection: 'categories',
    locale: 'en',
    data: { title: 'Brand', slug: 'brand' },
    depth: 0,
  })
  const form = await payload.create({
    collection: 'forms',
    locale: 'en',
    data: {
      name: 'Contact',
      defaultRecipient: 'sales@example.com',
      fields: [{ name: 'email', type: 'email', label: 'Email', required: true }],
    },
    depth: 0,
  })
  await payload.create({ collection: 'scoring-rules', data: { name: 'Form', event: 'form-submitted', points: 10 }, depth: 0 })
  await payload.create({
    collection: 'scoring-rules',
    data: { name: 'Brand pages', event: 'page-view', category: category.id, points: 5, decayDays: 30 },
    depth: 0,
  })
  await payload.create({
    collection: 'scoring-rules',
    data: { name: 'Pricing', event: 'page-view', path: '/pricing', points: 3 },
    depth: 0,
  })
  await payload.create({
    collection: 'scoring-rules',
    data: { name: 'Regular', event: 'visits', visits: 3, withinDays: 7, points: 8 },
    depth: 0,
  })
  await payload.updateGlobal({ slug: 'scoring-settings', data: { threshold: 40 }, depth: 0 })
  await payload.create({
    collection: 'sequences',
    locale: 'en',
    data: {
      name: 'Welcome',
      trigger: 'form-submitted',
      steps: [
        { delay: 0, unit: 'minutes', subject: 'Hi', body: 'Hello' },
        { delay: 2, unit: 'days', subject: 'Again', body: 'Hello again' },
      ],
    },
    depth: 0,
  })
  const leads: number[] = []
  for (let i = 0; i < 500; i++)
    leads.push(
      (await payload.create({ collection: 'leads', data: { email: `lead${i}@example.com`, status: 'new' }, depth: 0 })).id as number,
    )
  // EVENTS activities of 500 leads over a week: page views (a third in the category) and one submission in twenty.
  const start = Date.now() - 7 * 86_400_000
  const rows = Array.from({ length: EVENTS }, (_, i) => {
    const submission = i % 20 === 0
    return {
      lead: leads[i % leads.length]!,
      visitor: null,
      kind: submission ? ('form-submitted' as const) : ('page-view' as const),
      at: new Date(start + i * 60_000).toISOString(),
      path: submission ? null : i % 3 === 0 ? '/blog/brand-post' : i % 3 === 1 ? '/pricing' : '/about',
      categories: !submission && i % 3 === 0 ? ['brand'] : [],
      form: submission ? String(form.id) : null,
      ref: null,
      locale: 'en',
    }
  })
  await insertActivity(payload, rows)
  const store = nurtureStoreFor(payload)
  const started = performance.now()
  let processed = 0
  for (let n = await processActivity(store); n > 0; n = await processActivity(store)) processed += n
  const queued = await queueDueSteps(store, new Date())
  const seconds = (performance.now() - started) / 1000
  const changes = (await payload.count({ collection: 'score-changes' })).totalDocs
  const enrolments = (await payload.count({ collection: 'sequence-enrolments' })).totalDocs
  await payload.destroy()
  return { processed, seconds, changes, enrolments, queued }
}

async function main() {
  await build()
  await run(bin('tsx'), [path.join(root, 'scripts/seed.ts'), '--if-empty'], { env })
  const site = spawn(process.execPath, [path.join(root, 'site/server.mjs')], {
    cwd: root,
    env: { ...env, PORT: env.SITE_PORT },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(site)
  await waitForHttp(`${env.SITE_URL}/`)
  const { withView, without } = await pageViews(env.SITE_URL)
  await new Promise((r) => setTimeout(r, 2500)) // the site writes page views every second
  const { createClient } = await import('@libsql/client')
  const db = createClient({ url: `file:${path.join(dataDir, 'site.db')}` })
  const stored = Number(
    (await db.execute("SELECT COUNT(*) AS n FROM lead_activity WHERE kind = 'page-view' AND path = '/about'")).rows[0]!.n,
  )
  db.close()
  site.kill('SIGTERM')
  const score = await scoring()
  console.table({
    'cached page median ms, page view recorded (returning browser)': Number(median(withView).toFixed(3)),
    'cached page median ms, crawler (nothing recorded)': Number(median(without).toFixed(3)),
    'page view adds to the median ms (target < 1)': Number((median(withView) - median(without)).toFixed(3)),
    'cached page p99 ms with / without page view': `${percentile(withView, 0.99).toFixed(2)} / ${percentile(without, 0.99).toFixed(2)}`,
    'page views stored / requests with a view': `${stored} / ${REQUESTS}`,
    'scoring + sequences: events processed': score.processed,
    'scoring + sequences: events per second (target ≥ 200)': Math.round(score.processed / score.seconds),
    'score changes / enrolments / steps queued': `${score.changes} / ${score.enrolments} / ${score.queued}`,
    load: `pages: ${REQUESTS} sequential requests per case, interleaved; scoring: ${EVENTS} events of 500 leads, 4 rules (one of visits), 1 sequence, SQLite`,
  })
}

runBench(main, { children, dataDir })
