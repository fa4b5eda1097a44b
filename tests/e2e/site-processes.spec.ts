// Issue 13: the product as `npm start` runs it with SITE_PROCESSES=2 and LOG_FORMAT=json, on ports
// and a data folder of its own. Both site processes answer on the one port, a publish is visible
// from each of them, and every line any process of the product wrote (start, CMS, site processes,
// jobs worker, seed) is one JSON object.
import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { freePort, type Product, startProduct, until } from './product'

test.describe.configure({ mode: 'serial' })

const ADMIN = { email: 'admin@processes.example', password: 'processes-Admin-passw0rd' }
let product: Product
let dataDir: string
const log: string[] = []

/**
 * A GET on a connection of its own (no keep-alive): the cluster hands each new connection to the
 * next site process in turn, so consecutive calls reach both.
 */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(
      url.replace('//localhost:', '//127.0.0.1:'),
      { agent: false, headers: { connection: 'close', 'user-agent': 'Mozilla/5.0 (site-processes e2e)' } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode!, body }))
      },
    )
      .on('error', reject)
      .end()
  })
}

test.beforeAll(async () => {
  test.setTimeout(900_000)
  dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-processes-e2e-'))
  product = await startProduct(
    {
      CMS_PORT: String(await freePort()),
      SITE_PORT: String(await freePort()),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO_USERS_PASSWORD: ADMIN.password,
      // IPv4 only: the requests below open their own connections to 127.0.0.1 (localhost could be ::1 alone).
      HOST: '127.0.0.1',
      SITE_PROCESSES: '2',
      LOG_FORMAT: 'json',
    },
    log,
  )
})

test.afterAll(async () => {
  await product?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

test('two site processes answer on one port, and a publish is visible from each', async () => {
  // Each new connection goes to the next process: /healthz says which one answered.
  // The second process may still be starting when the first answers: asked until both have.
  const answered = new Set<number>()
  await until(
    'both site processes to answer',
    async () => {
      const health = JSON.parse((await get(`${product.siteUrl}/healthz`)).body) as { process: number; processes: number }
      expect(health.processes).toBe(2)
      answered.add(health.process)
      return answered.size === 2
    },
    60_000,
  )
  expect([...answered].sort()).toEqual([1, 2])

  const login = await fetch(`${product.cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  expect(login.status).toBe(200)
  const { token } = (await login.json()) as { token: string }
  const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
  const { docs } = (await (
    await fetch(`${product.cmsUrl}/api/posts?where[_status][equals]=published&limit=1&locale=zh-CN&depth=0`, { headers: auth })
  ).json()) as { docs: { id: number; slug: string; title: string }[] }
  const post = docs[0]!
  const url = `${product.siteUrl}/blog/${post.slug}`
  // Both processes render the page and keep it in their page caches.
  for (let i = 0; i < 4; i++) {
    const page = await get(url)
    expect(page.status).toBe(200)
    expect(page.body).toContain(post.title)
  }

  const title = `${post.title} (changed ${Date.now().toString(36)})`
  const saved = await fetch(`${product.cmsUrl}/api/posts/${post.id}?locale=zh-CN`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ title, _status: 'published' }),
  })
  expect(saved.status).toBe(200)
  // Four consecutive connections (two to each process) all show the new title: no process kept its old page.
  await until(
    'the new title from every site process',
    async () => {
      const pages = await Promise.all([0, 1, 2, 3].map(() => get(url)))
      return pages.every((page) => page.status === 200 && page.body.includes(title))
    },
    30_000,
  )
})

test('a lead is taken by the processes, and every line of the product was one JSON object', async () => {
  test.setTimeout(360_000)
  const lead = await fetch(`${product.siteUrl}/api/forms/1?locale=en`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Processes', email: 'processes@example.com', consent: true }),
  })
  expect(lead.status).toBe(201)
  // A missing page and a bad request leave their lines too.
  expect((await get(`${product.siteUrl}/no-such-page-${Date.now()}`)).status).toBe(404)

  // The worker loads the CMS before its first line: on a busy machine that can come after the site answers.
  await until(
    'the jobs worker to say it runs',
    () => log.some((line) => line.includes('"process":"worker"') && line.includes('Jobs worker running')),
    300_000,
  )
  await product.stop()
  const lines = log.filter((line) => line.trim() !== '')
  const notJson = lines.filter((line) => {
    try {
      const entry = JSON.parse(line) as Record<string, unknown>
      return (
        typeof entry.level !== 'string' ||
        typeof entry.time !== 'string' ||
        typeof entry.process !== 'string' ||
        typeof entry.msg !== 'string'
      )
    } catch {
      return true
    }
  })
  expect(notJson).toEqual([])
  const entries = lines.map((line) => JSON.parse(line) as { process: string; msg: string; pid: number })
  expect([...new Set(entries.map((e) => e.process))]).toEqual(expect.arrayContaining(['start', 'seed', 'cms', 'site', 'worker']))
  // Payload's own logger (pino) in the worker, and the start script's summary.
  expect(entries.some((e) => e.process === 'worker' && e.msg.startsWith('Jobs worker running'))).toBe(true)
  expect(entries.some((e) => e.process === 'site' && e.msg.includes('(2 processes)'))).toBe(true)
  expect(entries.some((e) => e.process === 'start' && e.msg.includes('CMS:'))).toBe(true)
})
