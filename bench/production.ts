// `npm run bench` (issue 13): the cached post page compressed, straight from the site and through
// nginx as deploy/nginx/brand-site.conf proxies it, beside the very same compressed bytes served as
// a file by nginx and by a plain Node static server; then the resident memory of every process of
// the product, idle (before any load) and after the load. The product runs as in production: the
// CMS (`next start`), the jobs worker, and the site with SITE_PROCESSES (default: the CPU cores),
// on a scratch database. Ports: CMS_PORT, SITE_PORT (defaults 3412, 4433) and BENCH_PORT_BASE
// (8530: nginx in front of the site, +1 nginx static, +2 Node static).
import { type ChildProcess, execFileSync, fork, spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { build } from '../scripts/build.mjs'
import { bin, productEnv, root, run, waitForHttp } from '../scripts/lib.mjs'
import { runBench } from './lib'

const CONNECTIONS = 50
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
// What a browser sends; the site answers its cached pages with brotli for it.
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd'
const BASE = Number(process.env.BENCH_PORT_BASE ?? 8530)
const dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-production-'))
// The compressed page, in a folder of its own that nginx's workers (another user when started as root) can read.
const filesDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-static-'))
const env = productEnv({
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  CMS_PORT: process.env.CMS_PORT ?? '3412',
  SITE_PORT: process.env.SITE_PORT ?? '4433',
  HOST: '127.0.0.1',
  ADMIN_EMAIL: 'bench@example.com',
  ADMIN_PASSWORD: 'bench-Passw0rd-long',
  TRUST_PROXY: 'loopback',
})
const siteProcesses = process.env.SITE_PROCESSES ?? String(availableParallelism())
const children: ChildProcess[] = []

function start(command: string, args: string[], extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] })
  children.push(child)
  return child
}

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { 'accept-encoding': ACCEPT_ENCODING } })
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  return {
    rps: Math.round(result.requests.average),
    latency: `${result.latency.p50} / ${result.latency.p99}`,
    kbPerRequest: Number((result.throughput.average / result.requests.average / 1024).toFixed(1)),
  }
}

/** The body exactly as sent (no decompression) and its encoding. */
function raw(url: string): Promise<{ body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': ACCEPT_ENCODING } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ body: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? 'identity') }))
    })
      .on('error', reject)
      .end()
  })
}

/** Resident memory in MB of a process and all its descendants, from ps. */
function treeRssMb(pid: number): number {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number])
  const tree = new Set([pid])
  for (let grew = true; grew;) {
    grew = false
    for (const [child, parent] of rows) if (tree.has(parent) && !tree.has(child)) grew = tree.add(child).size > 0
  }
  return Math.round(rows.filter(([p]) => tree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024)
}

/** The processes of the product, each with its descendants (next's server, the site's processes). */
function memory(product: Record<string, ChildProcess>): Record<string, number> {
  const figures = Object.fromEntries(Object.entries(product).map(([name, child]) => [name, treeRssMb(child.pid!)]))
  return { ...figures, total: Object.values(figures).reduce((a, b) => a + b, 0) }
}

function nginx(dir: string, server: string): ChildProcess {
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${server}
}
`,
  )
  const child = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  return child
}

async function main() {
  await build()
  await run(bin('tsx'), [path.join(root, 'scripts/seed.ts'), '--if-empty'], { env })
  await run(bin('tsx'), [path.join(root, 'bench/extra-posts.ts'), '1'], { env })

  const product = {
    cms: start(bin('next'), ['start', 'cms', '-p', env.CMS_PORT, '-H', env.HOST]),
    worker: start(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/worker.ts')]),
    site: start(process.execPath, [path.join(root, 'site/server.mjs')], { PORT: env.SITE_PORT, SITE_PROCESSES: siteProcesses }),
  }
  const siteUrl = `http://127.0.0.1:${env.SITE_PORT}`
  await Promise.all([waitForHttp(`${env.CMS_URL}/api/users/me`, 300_000), waitForHttp(`${siteUrl}/`, 300_000)])
  // Idle: started, each site process has answered a page, nothing under load.
  for (let i = 0; i < 8; i++) await (await fetch(`${siteUrl}/blog/bench-post-0`, { headers: { connection: 'close' } })).text()
  await new Promise((resolve) => setTimeout(resolve, 5000))
  const idle = memory(product)

  // The page as the site sends it from its cache, compressed once when cached.
  const postUrl = `${siteUrl}/blog/bench-post-0`
  const page = await raw(postUrl)
  chmodSync(filesDir, 0o755)
  const file = path.join(filesDir, 'post.html.compressed')
  writeFileSync(file, page.body, { mode: 0o644 })

  nginx(
    path.join(dataDir, 'nginx-proxy'),
    `upstream brand_site { server 127.0.0.1:${env.SITE_PORT}; keepalive 32; }
  server {
    listen 127.0.0.1:${BASE};
    location / {
      proxy_pass http://brand_site;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $host;
      proxy_request_buffering off;
    }
  }`,
  )
  nginx(
    path.join(dataDir, 'nginx-static'),
    `server {
    listen 127.0.0.1:${BASE + 1};
    root ${filesDir};
    location = / {
      default_type text/html;
      add_header Content-Encoding ${page.encoding};
      add_header Vary Accept-Encoding;
      try_files /post.html.compressed =404;
    }
  }`,
  )
  const nodeStatic = fork(path.join(root, 'bench/static-server.mjs'), [file, String(BASE + 2), page.encoding])
  children.push(nodeStatic)
  await new Promise((resolve) => nodeStatic.once('message', resolve))
  await Promise.all([waitForHttp(`http://127.0.0.1:${BASE}/`), waitForHttp(`http://127.0.0.1:${BASE + 1}/`)])

  const nodeStaticResult = await load(`http://127.0.0.1:${BASE + 2}/`)
  const nginxStaticResult = await load(`http://127.0.0.1:${BASE + 1}/`)
  const directResult = await load(postUrl)
  const proxiedResult = await load(`http://127.0.0.1:${BASE}/blog/bench-post-0`)
  const after = memory(product)

  console.table({
    'Node static server, same compressed file': nodeStaticResult,
    'nginx static, same compressed file': nginxStaticResult,
    [`site direct (${siteProcesses} processes)`]: directResult,
    [`site through nginx (${siteProcesses} processes)`]: proxiedResult,
  })
  console.table({
    'direct / Node static (target ≥ 1.5)': Number((directResult.rps / nodeStaticResult.rps).toFixed(2)),
    'through nginx / nginx static': Number((proxiedResult.rps / nginxStaticResult.rps).toFixed(2)),
    'page bytes sent': `${page.body.length} (${page.encoding})`,
    load:
      `${CONNECTIONS} connections, ${SECONDS} s each, Accept-Encoding: ${ACCEPT_ENCODING}; autocannon in the bench process, ` +
      `same machine (${availableParallelism()} cores)`,
  })
  console.log('Resident memory (MB), each process with its children:')
  console.table({ idle, 'after the load': after })
}

runBench(() => main().finally(() => rmSync(filesDir, { recursive: true, force: true })), { children, dataDir })
