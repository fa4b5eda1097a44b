// Lead intake speed: sustained submissions at 20 concurrent clients against the site on the
// embedded database, then the time from a submission's 201 to its email reaching a local server
// that speaks Resend's API (the CMS process runs the mail jobs). Part of `npm run bench`.
import autocannon from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startFakeResend } from '../tests/integration/fake-resend'
import { build } from '../scripts/build.mjs'
import { bin, productEnv, root, run, waitForHttp } from '../scripts/lib.mjs'
import { runBench } from './lib'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-intake-'))
const children: ChildProcess[] = []

async function main() {
  const resend = await startFakeResend()
  const env = productEnv({ NODE_ENV: 'production', DATA_DIR: dataDir, CMS_PORT: '3411', SITE_PORT: '4432', RESEND_API_KEY: 're_bench', RESEND_BASE_URL: resend.url, ADMIN_EMAIL: 'bench@example.com', ADMIN_PASSWORD: 'bench-Passw0rd-long', INTAKE_LIMIT_PER_IP: '1000000' })
  await build()
  await run(bin('tsx'), [path.join(root, 'scripts/seed.ts'), '--if-empty'], { env })
  const start = (command: string, args: string[], extra: Record<string, string> = {}) => {
    const child = spawn(command, args, { cwd: root, env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] })
    children.push(child)
  }
  start(bin('next'), ['start', 'cms', '-p', env.CMS_PORT!])
  start(bin('tsx'), [path.join(root, 'scripts/worker.ts')])
  start(process.execPath, [path.join(root, 'site/server.mjs')], { PORT: env.SITE_PORT! })
  await Promise.all([waitForHttp(`${env.CMS_URL}/admin`), waitForHttp(`${env.SITE_URL}/`)])
  const endpoint = `${env.SITE_URL}/api/forms/1?locale=en`

  let n = 0
  const load = await autocannon({
    url: endpoint,
    connections: 20,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Bench ${n}`, email: `bench-${n++}@example.com`, consent: true }),
        }),
      },
    ],
  })
  // Requests still in flight when the load stops complete after autocannon's count: up to one per connection.
  const accepted = load['2xx']

  // The burst's emails drain through the jobs worker; then single submissions measure latency.
  const drainStart = performance.now()
  while (resend.received.length < accepted && performance.now() - drainStart < 180_000) await new Promise((r) => setTimeout(r, 200))
  const drainMs = performance.now() - drainStart
  const latencies: number[] = []
  for (let i = 0; i < 10; i++) {
    const email = `latency-${i}@example.com`
    const sent = performance.now()
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Latency', email, consent: true }) })
    if (response.status !== 201) throw new Error(`submission answered ${response.status}`)
    while (!resend.received.some((e) => e.reply_to?.includes(email))) await new Promise((r) => setTimeout(r, 10))
    latencies.push(performance.now() - sent)
    await new Promise((r) => setTimeout(r, 300))
  }
  latencies.sort((a, b) => a - b)
  console.table({
    'submissions accepted (201) per second, 20 clients (target ≥ 200)': Math.round(accepted / SECONDS),
    'submit p50 / p99 latency ms (target p99 < 100)': `${load.latency.p50} / ${load.latency.p99}`,
    'non-2xx answers during load': load.non2xx,
    [`emails of the burst delivered (${accepted} counted 201s + up to 20 in flight at the end)`]: resend.received.length - 10,
    'repeated sends absorbed by the idempotency key': resend.duplicates(),
    'burst drain time after load, s': Number((drainMs / 1000).toFixed(1)),
    'submission 201 → email at Resend, median / max ms (target median < 2000)': `${Math.round(latencies[5]!)} / ${Math.round(latencies[9]!)}`,
  })
  await resend.close()
}

runBench(main, { children, dataDir })
