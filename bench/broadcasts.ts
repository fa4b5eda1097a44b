// Broadcast speed with 100,000 subscribers (issue 15; BENCH_SUBSCRIBERS to change): the segment
// count an editor sees (target under 1 s), a broadcast to all of them handed to a stand-in for
// Resend that takes 10 batch requests a second and answers 429 beyond (target: every email within
// 3 minutes of the send starting), and the site's p99 on a cached page while the jobs worker sends,
// against the same load before the send. The product runs as built (`node scripts/build.mjs`).
// Part of `npm run bench`; alone: `npx tsx bench/broadcasts.ts`.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Client } from '@libsql/client'
import autocannon from 'autocannon'

import { build } from '../scripts/build.mjs'
import { bin, productEnv, root, run, waitForHttp } from '../scripts/lib.mjs'
import { freePort } from '../tests/e2e/product'
import { startFakeResend } from '../tests/integration/fake-resend'
import { runBench } from './lib'

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000)
/** Leads who never became members: in the database, not in the newsletter segment. */
const LEADS = Math.round(SUBSCRIBERS / 10)
const LOAD_SECONDS = 10
const dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-broadcasts-'))
const children: ChildProcess[] = []

/** Members subscribed to the newsletter (one in twenty unsubscribed again), and leads, in SQL batches. */
async function seedSubscribers(client: Client): Promise<void> {
  const ROWS = 1000
  const at = '2026-01-02T00:00:00.000Z'
  for (let start = 0; start < SUBSCRIBERS; start += ROWS) {
    const ids = Array.from({ length: Math.min(ROWS, SUBSCRIBERS - start) }, (_, i) => start + i)
    const before = Number((await client.execute('SELECT COALESCE(MAX(id), 0) AS id FROM members')).rows[0]!.id)
    const statements = [
      {
        sql: `INSERT INTO members (email, name, email_verified_at, preferred_language, first_touch, updated_at, created_at) VALUES ${ids.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        args: ids.flatMap((i) => [
          `reader${i}@bench.example`,
          i % 7 === 0 ? null : `Reader ${i}`,
          at,
          i % 3 === 0 ? 'en' : 'zh-CN',
          JSON.stringify({ channel: i % 2 ? 'wechat' : 'search', campaign: null }),
          at,
          at,
        ]),
      },
      {
        sql: `INSERT INTO consent_log (member_id, topic, subscribed, source, at) SELECT id, 'newsletter', 1, 'account-page', ? FROM members WHERE id > ?`,
        args: [at, before],
      },
      {
        sql: `INSERT INTO consent_log (member_id, topic, subscribed, source, at) SELECT id, 'newsletter', 0, 'email-link', '2026-01-03T00:00:00.000Z' FROM members WHERE id > ? AND id % 20 = 0`,
        args: [before],
      },
    ]
    for (const statement of statements) await client.execute(statement)
  }
  for (let start = 0; start < LEADS; start += ROWS) {
    const ids = Array.from({ length: Math.min(ROWS, LEADS - start) }, (_, i) => start + i)
    await client.execute({
      sql: `INSERT INTO leads (email, name, status, updated_at, created_at) VALUES ${ids.map(() => "(?, ?, 'new', ?, ?)").join(', ')}`,
      args: ids.flatMap((i) => [`lead${i}@bench.example`, `Lead ${i}`, at, at]),
    })
  }
  await client.execute('ANALYZE')
}

async function load(url: string) {
  const result = await autocannon({ url, connections: 20, duration: LOAD_SECONDS })
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 }
}

async function median(runs: number, task: () => Promise<unknown>): Promise<number> {
  await task()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await task()
    times.push(performance.now() - started)
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(runs / 2)]!)
}

async function main() {
  const resend = await startFakeResend({ requestsPerSecond: 10, keepBodies: false })
  const env = productEnv({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    CMS_PORT: String(await freePort()),
    SITE_PORT: String(await freePort()),
    RESEND_API_KEY: 're_bench',
    RESEND_BASE_URL: resend.url,
    ADMIN_EMAIL: 'bench@example.com',
    ADMIN_PASSWORD: 'bench-Passw0rd-long',
  })
  await build()
  await run(bin('tsx'), [path.join(root, 'scripts/seed.ts'), '--if-empty'], { env })

  // This process reads and writes the same database as the product, through Payload as the CMS does.
  Object.assign(process.env, { DATA_DIR: dataDir, DISABLE_PAYLOAD_HMR: 'true', SITE_PORT: env.SITE_PORT })
  const { getPayload } = await import('payload')
  const { default: config } = await import('../cms/payload.config')
  const payload = await getPayload({ config })
  const client = (await import('../cms/database')).requireSqliteClient(payload)
  const seedStart = performance.now()
  await seedSubscribers(client)
  const seedMs = Math.round(performance.now() - seedStart)

  const { segmentTopic } = await import('../functions/broadcasts')
  const { segmentOf } = await import('../cms/broadcasts/segments')
  const { sqliteBroadcastStore } = await import('../cms/broadcasts/sqlite-store')
  const { localApiBroadcastStore } = await import('../cms/broadcasts/store')
  const newsletter = (await payload.find({ collection: 'segments', where: { slug: { equals: 'newsletter' } }, overrideAccess: true }))
    .docs[0]!
  const segment = segmentOf(newsletter)
  const count = async (store: ReturnType<typeof sqliteBroadcastStore>) =>
    (await store.countRecipients(segment, segmentTopic(segment))).count
  const sqlStore = sqliteBroadcastStore(payload)
  const expected = await count(sqlStore)
  // Both once first: the first reads after the seed pay for its pages coming into the cache.
  await sqlStore.recipients(segment, segmentTopic(segment))
  const sqlCountMs = await median(5, () => count(sqlStore))
  const planMs = await median(3, () => sqlStore.recipients(segment, segmentTopic(segment)))
  const localStart = performance.now()
  const localCount = await count(localApiBroadcastStore(payload))
  const localCountMs = Math.round(performance.now() - localStart)
  if (localCount !== expected) throw new Error(`the two stores disagree: ${expected} (SQL) and ${localCount} (Local API)`)

  const start = (command: string, args: string[], extra: Record<string, string> = {}) => {
    const child = spawn(command, args, { cwd: root, env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] })
    children.push(child)
    return child
  }
  start(process.execPath, [path.join(root, 'site/server.mjs')], { PORT: env.SITE_PORT })
  start(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/worker.ts')])
  await waitForHttp(`${env.SITE_URL}/`)
  const page = `${env.SITE_URL}/`
  await fetch(page)
  const quiet = await load(page)

  const post = (await payload.find({ collection: 'posts', limit: 1, depth: 0, overrideAccess: true })).docs[0]
  if (!post) throw new Error('The seed wrote no post to send.')
  const broadcast = await payload.create({
    collection: 'broadcasts',
    locale: 'en',
    data: { subject: 'Hello {name|there}', segment: newsletter.id, post: post.id, status: 'scheduled' },
    overrideAccess: true,
  })
  const sendStart = performance.now()
  const emails = () => resend.received.length
  // The load starts once the first batch is at the stand-in: the send itself, not its planning.
  while (emails() === 0 && performance.now() - sendStart < 180_000) await new Promise((r) => setTimeout(r, 50))
  const firstBatchMs = Math.round(performance.now() - sendStart)
  const sending = await load(page)
  const sentDuringLoad = emails()
  const statusOf = async () => (await payload.findByID({ collection: 'broadcasts', id: broadcast.id, overrideAccess: true })).status
  while ((await statusOf()) !== 'sent' && performance.now() - sendStart < 600_000) await new Promise((r) => setTimeout(r, 250))
  const sendMs = Math.round(performance.now() - sendStart)
  const addresses = new Set(resend.received.flatMap((e) => e.to))

  console.table({
    [`subscribers seeded (members), leads, seed time s`]: `${SUBSCRIBERS}, ${LEADS}, ${(seedMs / 1000).toFixed(1)}`,
    'newsletter segment: recipients': expected,
    'segment count, SQLite store, median of 5 ms (target < 1000)': sqlCountMs,
    'segment count, Local API store (MongoDB path), one run ms': localCountMs,
    'recipients in full (the send plan), SQLite store, median of 3 ms': planMs,
    'broadcast: status / emails at the stand-in / distinct addresses': `${await statusOf()} / ${emails()} / ${addresses.size}`,
    'broadcast: scheduled → first batch at the stand-in s': Number((firstBatchMs / 1000).toFixed(1)),
    'broadcast: scheduled → every email handed over s (target < 180)': Number((sendMs / 1000).toFixed(1)),
    'stand-in: batch requests accepted / 429 answers / repeated keys': `${resend.batches.length} / ${resend.refusals()} / ${resend.duplicates()}`,
    'cached page p50 / p99 ms, not sending': `${quiet.p50} / ${quiet.p99}`,
    [`cached page p50 / p99 ms, while sending (${sentDuringLoad} emails out by its end)`]: `${sending.p50} / ${sending.p99}`,
    'cached page req/s, not sending / sending': `${quiet.rps} / ${sending.rps}`,
    load: `autocannon, 20 connections, ${LOAD_SECONDS} s each, on ${page}, same machine`,
  })
  if (emails() !== expected || addresses.size !== expected) throw new Error(`expected ${expected} emails, one per address`)
  await payload.destroy()
  await resend.close()
}

runBench(main, { children, dataDir })
