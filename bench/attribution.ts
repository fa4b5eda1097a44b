// `npm run bench` (part): campaign-link redirects and what recording touches costs a page.
// Uses the built site on a scratch database; each comparison is measured in this one run.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { build } from '../scripts/build.mjs'
import { bin, productEnv, root, run, waitForHttp } from '../scripts/lib.mjs'
import { runBench } from './lib'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'
const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'
const dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-'))
const env = productEnv({
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  CMS_PORT: '3420',
  SITE_PORT: '4441',
  ADMIN_EMAIL: 'bench@example.com',
  ADMIN_PASSWORD: 'bench-Passw0rd-long',
})
const children: ChildProcess[] = []

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!

/** Sequential requests, one at a time, so that the median is the page's own response time. */
async function timeRequests(url: string, headers: Record<string, string>, count: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const started = performance.now()
    const response = await fetch(url, { headers, redirect: 'manual' })
    await response.arrayBuffer()
    times.push(performance.now() - started)
  }
  return times
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
  const siteUrl = env.SITE_URL
  const { createClient } = await import('@libsql/client')
  const db = createClient({ url: `file:${path.join(dataDir, 'site.db')}` })

  // /go/<code> at 50 connections, as phones (every request a click and a touch of a new visitor).
  const go = await autocannon({ url: `${siteUrl}/go/poster`, connections: 50, duration: SECONDS, headers: { 'user-agent': PHONE } })
  const redirects = go['3xx']
  await new Promise((r) => setTimeout(r, 2500)) // the site writes clicks every second
  const clicks = Number((await db.execute("SELECT COALESCE(SUM(count), 0) AS n FROM link_clicks WHERE link = 'poster'")).rows[0]!.n)
  const touches = Number((await db.execute("SELECT COUNT(*) AS n FROM touches WHERE campaign_link = 'poster'")).rows[0]!.n)

  // A cached page, one request at a time: with a touch recorded on each request (a new phone
  // arriving from WeChat), a returning phone browsing (no touch), and a crawler (attribution skipped).
  const page = `${siteUrl}/about`
  await fetch(page)
  const rounds = 5
  const withTouch: number[] = []
  const returning: number[] = []
  const without: number[] = []
  const cookie = `bs_visitor=v${'A'.repeat(22)}`
  for (let i = 0; i < rounds; i++) {
    // Interleaved, so that the machine's noise falls on all three alike.
    withTouch.push(...(await timeRequests(`${page}?from=timeline`, { 'user-agent': PHONE }, 400)))
    returning.push(...(await timeRequests(page, { 'user-agent': PHONE, cookie, referer: `${siteUrl}/` }, 400)))
    without.push(...(await timeRequests(`${page}?from=timeline`, { 'user-agent': CRAWLER }, 400)))
  }

  console.table({
    '/go/<code> redirects (req/s, target ≥ 1000)': Math.round(go.requests.average),
    '/go/<code> p50 / p99 ms (target p99 < 30)': `${go.latency.p50} / ${go.latency.p99}`,
    '/go/<code> 302 answers / other answers / errors': `${redirects} / ${go.requests.total - redirects} / ${go.errors}`,
    // Requests still in flight when the time is up are answered and counted, but not in autocannon's 3xx.
    'clicks counted / requests sent / 302 answers': `${clicks} / ${(go.requests as { sent?: number }).sent ?? '?'} / ${redirects}`,
    'touches recorded for the link': touches,
    'cached page median ms, touch recorded (new phone from WeChat)': Number(median(withTouch).toFixed(3)),
    'cached page median ms, returning phone (no touch)': Number(median(returning).toFixed(3)),
    'cached page median ms, crawler (attribution skipped)': Number(median(without).toFixed(3)),
    'touch recording adds to the median ms (target < 2)': Number((median(withTouch) - median(without)).toFixed(3)),
    'cached page p99 ms with / without touch': `${percentile(withTouch, 0.99).toFixed(2)} / ${percentile(without, 0.99).toFixed(2)}`,
    load:
      `/go: 50 connections for ${SECONDS} s (autocannon, same machine); pages: ${rounds * 400} sequential requests per case, ` +
      `interleaved`,
  })
  db.close()
}

runBench(main, { children, dataDir })
