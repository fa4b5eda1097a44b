// `npm run bench`: the speed figures of the site, each measured in one run so ratios compare
// like with like on a noisy machine. Uses the built site (npm run build) on a scratch database.
import { type ChildProcess, fork, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { build } from '../scripts/build.mjs'
import { bin, productEnv, root, run, waitForHttp } from '../scripts/lib.mjs'
import { runBench } from './lib'

const CONNECTIONS = 50
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-'))
const env = productEnv({
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  CMS_PORT: '3410',
  SITE_PORT: '4431',
  ADMIN_EMAIL: 'bench@example.com',
  ADMIN_PASSWORD: 'bench-Passw0rd-long',
})
const children: ChildProcess[] = []

function start(command: string, args: string[], extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] })
  children.push(child)
  return child
}

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS })
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))
  return Math.round(Number(line?.match(/\d+/)?.[0] ?? 0) / 1024)
}

async function main() {
  await build()
  await run(bin('tsx'), [path.join(root, 'scripts/seed.ts'), '--if-empty'], { env })
  // Extra posts, so that each uncached render below is a page this process has never rendered.
  await run(bin('tsx'), [path.join(root, 'bench/extra-posts.ts'), '60'], { env })

  const cms = start(bin('next'), ['start', 'cms', '-p', env.CMS_PORT])
  // One site process: the figures below compare it with one static server process, and its memory is that one process's.
  const site = start(process.execPath, [path.join(root, 'site/server.mjs')], { PORT: env.SITE_PORT, SITE_PROCESSES: '1' })
  await Promise.all([waitForHttp(`${env.CMS_URL}/api/users/me`), waitForHttp(`${env.SITE_URL}/`)])
  const siteUrl = env.SITE_URL

  // Uncached renders: each post page once, in a fresh process.
  const uncached: number[] = []
  for (let i = 0; i < 60; i++) {
    const started = performance.now()
    const response = await fetch(`${siteUrl}/blog/bench-post-${i}`)
    await response.text()
    if (response.status !== 200) throw new Error(`bench-post-${i}: ${response.status}`)
    uncached.push(performance.now() - started)
  }

  // Cached post page against the same bytes from a static file server.
  const postUrl = `${siteUrl}/blog/bench-post-0`
  const html = await (await fetch(postUrl)).text()
  const file = path.join(dataDir, 'post.html')
  writeFileSync(file, html)
  const staticServer = fork(path.join(root, 'bench/static-server.mjs'), [file, '4499'])
  children.push(staticServer)
  await new Promise((resolve) => staticServer.once('message', resolve))
  const staticResult = await load('http://127.0.0.1:4499/')
  const cachedResult = await load(postUrl)

  // Publish-to-visible: change a post through the CMS's REST API, then poll the site.
  const login = await fetch(`${env.CMS_URL}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
  })
  const { token } = (await login.json()) as { token: string }
  const { docs } = (await (
    await fetch(`${env.CMS_URL}/api/posts?where[slug][equals]=bench-post-1&depth=0`, { headers: { authorization: `JWT ${token}` } })
  ).json()) as { docs: { id: number }[] }
  const publishMs: number[] = []
  for (let i = 0; i < 5; i++) {
    const title = `Bench title ${i} ${Date.now()}`
    const started = performance.now()
    const saved = await fetch(`${env.CMS_URL}/api/posts/${docs[0]!.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ title, _status: 'published' }),
    })
    if (saved.status !== 200) throw new Error(`publish failed: ${saved.status} ${await saved.text()}`)
    while (!(await (await fetch(`${siteUrl}/blog/bench-post-1`)).text()).includes(title)) await new Promise((r) => setTimeout(r, 20))
    publishMs.push(performance.now() - started)
    await new Promise((r) => setTimeout(r, 300))
  }

  const report = {
    'cached post page (req/s)': Math.round(cachedResult.rps),
    'static file server (req/s)': Math.round(staticResult.rps),
    'cached / static ratio (target ≥ 0.5)': Number((cachedResult.rps / staticResult.rps).toFixed(2)),
    'cached p50 / p99 latency ms (target p99 < 20)': `${cachedResult.p50} / ${cachedResult.p99}`,
    'static p50 / p99 latency ms': `${staticResult.p50} / ${staticResult.p99}`,
    'uncached post render median ms (target < 50)': Number(median(uncached).toFixed(1)),
    'uncached post render p90 ms': Number([...uncached].sort((a, b) => a - b)[Math.floor(uncached.length * 0.9)]!.toFixed(1)),
    'publish-to-visible median / max ms (target < 2000)': `${Math.round(median(publishMs))} / ${Math.round(Math.max(...publishMs))}`,
    'site process resident memory after bench (MB)': rssMb(site.pid!),
    [`load`]: `${CONNECTIONS} connections, ${SECONDS} s each, autocannon in the bench process, same machine`,
  }
  console.table(report)
  void cms
}

runBench(main, { children, dataDir })
