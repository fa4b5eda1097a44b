// Lead intake speed: a campaign's burst of 2,000 submissions (BENCH_LEADS) from 20 concurrent
// clients against the site on the embedded database while the jobs worker sends, then how long
// until every sales email of the burst is accepted by a local server speaking Resend's API (target:
// within 60 s of the last submission), then the time from one submission's 201 to its email.
// Part of `npm run bench`.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { build } from '../scripts/build.mjs'
import { bin, productEnv, root, run, waitForHttp } from '../scripts/lib.mjs'
import { freePort } from '../tests/e2e/product'
import { startFakeResend } from '../tests/integration/fake-resend'
import { runBench, waitForIdleWorker, waitForSiteProcesses } from './lib'

const LEADS = Number(process.env.BENCH_LEADS ?? 2000)
/** Submissions to a freshly started site before the burst. */
const AFTER_START = 200
/**
 * With BENCH_CPU_PROF=<folder>, the site and the worker write V8 CPU profiles into <folder>/site and
 * <folder>/worker when they stop, one per process under Node's default names (each site process,
 * forked by node:cluster, writes its own); read them with bench/profile-top.ts.
 */
const PROFILE_DIR = process.env.BENCH_CPU_PROF
const profile = (name: string) => (PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.join(PROFILE_DIR, name)}`] : [])
const dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-intake-'))
const children: ChildProcess[] = []

async function main() {
  const resend = await startFakeResend()
  const env = productEnv({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    CMS_PORT: String(await freePort()),
    SITE_PORT: String(await freePort()),
    RESEND_API_KEY: 're_bench',
    RESEND_BASE_URL: resend.url,
    ADMIN_EMAIL: 'bench@example.com',
    ADMIN_PASSWORD: 'bench-Passw0rd-long',
    // A campaign's burst comes from many visitors, through the proxy in front (issue 13): each
    // submission names its own client, and the limits count each visitor's own.
    TRUST_PROXY: 'loopback',
    SITE_PROCESSES: process.env.SITE_PROCESSES ?? String(availableParallelism()),
  })
  await build()
  await run(bin('tsx'), [path.join(root, 'scripts/seed.ts'), '--if-empty'], { env })
  const start = (command: string, args: string[], extra: Record<string, string> = {}) => {
    const child = spawn(command, args, { cwd: root, env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] })
    children.push(child)
  }
  start(bin('next'), ['start', 'cms', '-p', env.CMS_PORT!])
  start(process.execPath, [...profile('worker'), '--import', 'tsx', path.join(root, 'scripts/worker.ts')])
  start(process.execPath, [...profile('site'), path.join(root, 'site/server.mjs')], { PORT: env.SITE_PORT! })
  await Promise.all([waitForHttp(`${env.CMS_URL}/admin`), waitForHttp(`${env.SITE_URL}/`)])
  await waitForSiteProcesses(env.SITE_URL, Number(env.SITE_PROCESSES))
  await waitForIdleWorker(dataDir)
  const endpoint = `${env.SITE_URL}/api/forms/1?locale=en`

  const visitorAddress = (i: number) => `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`
  // A campaign's burst reaches a site that has been up and has taken submissions before. The first
  // ones after a start are measured on their own (the restart figure); their emails are sent
  // before the burst, as a running site's would have been.
  const afterStart = await burst(endpoint, AFTER_START, 'Warm', (i) => `203.0.113.${(i % 200) + 1}`)
  await waitForIdleWorker(dataDir)
  const { load, seconds: burstSeconds } = await burst(endpoint, LEADS, 'Bench', visitorAddress)
  const accepted = load['2xx']

  // The burst's sales emails drain through the jobs worker; then single submissions measure latency.
  const salesEmails = () => resend.received.filter((e) => / – Bench \d+$/.test(e.subject)).length
  const drainStart = performance.now()
  while (salesEmails() < accepted && performance.now() - drainStart < 180_000) await new Promise((r) => setTimeout(r, 100))
  const drainMs = performance.now() - drainStart
  const burstEmails = salesEmails()
  const latencies: number[] = []
  for (let i = 0; i < 10; i++) {
    const email = `latency-${i}@example.com`
    const sent = performance.now()
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Latency', email, consent: true }),
    })
    if (response.status !== 201) throw new Error(`submission answered ${response.status}`)
    while (!resend.received.some((e) => e.reply_to?.includes(email))) await new Promise((r) => setTimeout(r, 10))
    latencies.push(performance.now() - sent)
    await new Promise((r) => setTimeout(r, 300))
  }
  latencies.sort((a, b) => a - b)
  const emailLatency = `${Math.round(latencies[5]!)} / ${Math.round(latencies[9]!)}`
  console.table({
    [`burst of ${LEADS} submissions, 20 clients: accepted (201)`]: accepted,
    'submissions accepted per second during the burst (target ≥ 200)': Math.round(accepted / burstSeconds),
    'submit p50 / p99 latency ms, worker sending (target p99 < 100)': `${load.latency.p50} / ${load.latency.p99}`,
    [`first ${AFTER_START} submissions after the start, 20 clients: p50 / p99 / max ms`]: `${afterStart.load.latency.p50} / ${afterStart.load.latency.p99} / ${afterStart.load.latency.max}`,
    'non-2xx answers during load': load.non2xx,
    'sales emails of the burst accepted by Resend': burstEmails,
    'Resend requests: batches / emails per batch (max)': `${resend.batches.length} / ${Math.max(0, ...resend.batches)}`,
    'repeated sends absorbed by the idempotency key': resend.duplicates(),
    'last submission → every sales email at Resend, s (target < 60)': Number((drainMs / 1000).toFixed(1)),
    'submission 201 → email at Resend, median / max ms (target median < 2000)': emailLatency,
  })
  await resend.close()
}

/**
 * `amount` JSON submissions from 20 connections, each from its own visitor (through the proxy),
 * named `<name> <i>`. The seconds run from the first request to the last answer: autocannon's own
 * duration counts whole ticks of its 1 s timer (4.0 s for a burst of 3.1 s).
 */
async function burst(endpoint: string, amount: number, name: string, address: (i: number) => string) {
  let n = 0
  const started = performance.now()
  let answered = started
  const running = autocannon({
    url: endpoint,
    connections: 20,
    amount,
    requests: [
      {
        method: 'POST',
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address(n) },
          body: JSON.stringify({ name: `${name} ${n}`, email: `${name.toLowerCase()}-${n++}@example.com`, consent: true }),
        }),
      },
    ],
  })
  running.on('response', () => void (answered = performance.now()))
  const load = await running
  return { load, seconds: (answered - started) / 1000 }
}

runBench(main, { children, dataDir })
