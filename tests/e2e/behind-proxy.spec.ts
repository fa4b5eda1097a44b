// Issue 13: behind a reverse proxy, each visitor is counted as themselves, and nobody can pose as
// another by writing X-Forwarded-For. Debian's nginx runs in front of a site process of this test's
// own, with the real per-address limit (30 submissions in ten minutes). Clients connect from
// distinct loopback addresses (127.0.0.10, .11, …), as distinct visitors reach nginx from the internet;
// nginx reaches the site from 127.0.0.2, the only address TRUST_PROXY names. Two site processes
// share the port (SITE_PROCESSES=2) and nginx opens a connection per request, so the submissions of
// one visitor reach both: the limit holds because both count in the database.
import { request as httpRequest } from 'node:http'

import { expect, test } from '@playwright/test'

import { freePort } from './product'
import { type Running, startNginx, startSite } from './production'

test.describe.configure({ mode: 'serial' })

let site: Running & { port: number }
let nginx: Running
const run = Date.now().toString(36)
let sent = 0

/** POSTs one lead to form 1 from `localAddress`, with extra headers; the status. */
function submit(base: string, localAddress: string, headers: Record<string, string> = {}): Promise<number> {
  const n = sent++
  const body = JSON.stringify({ name: `Proxy ${run} ${n}`, email: `proxy-${run}-${n}@example.com`, consent: true })
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}/api/forms/1?locale=en`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode!))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

test.beforeAll(async () => {
  test.setTimeout(120_000)
  const port = await freePort()
  site = await startSite({ TRUST_PROXY: '127.0.0.2', INTAKE_LIMIT_PER_IP: '30', SITE_URL: `http://localhost:${port}`, SITE_PROCESSES: '2' })
  nginx = await startNginx({ port, upstream: `http://127.0.0.1:${site.port}`, bindAddress: '127.0.0.2' })
})

test.afterAll(async () => {
  await nginx?.stop()
  await site?.stop()
})

test('60 visitors behind nginx each submit once: all 201', async () => {
  const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => submit(nginx.url, `127.0.0.${10 + i}`)))
  expect(statuses).toEqual(Array(60).fill(201))
})

test('40 submissions from one visitor behind nginx: the 31st and later are 429, forged X-Forwarded-For or not', async () => {
  const statuses: number[] = []
  // Each request claims another address on the left of X-Forwarded-For; nginx appends the real one.
  for (let i = 0; i < 40; i++) statuses.push(await submit(nginx.url, '127.0.0.100', { 'x-forwarded-for': `198.51.100.${i}` }))
  expect(statuses).toEqual([...Array(30).fill(201), ...Array(10).fill(429)])
})

test('a forged X-Forwarded-For sent straight to the site changes nothing: the sender is its own address', async () => {
  const statuses: number[] = []
  for (let i = 0; i < 32; i++)
    statuses.push(await submit(site.url, '127.0.0.101', { 'x-forwarded-for': `203.0.113.${i}`, 'x-forwarded-proto': 'https' }))
  expect(statuses).toEqual([...Array(30).fill(201), ...Array(2).fill(429)])
  // Only that sender was counted: another visitor, through nginx, still gets in.
  expect(await submit(nginx.url, '127.0.0.102')).toBe(201)
})
