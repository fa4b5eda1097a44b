// Issue 11 items 4, 5, 7 and 12, and issue 13's compression: what the request pipeline
// (site/lib/pipeline.ts, site/server.mjs) guarantees on every response.
import { createHash } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { adminApi, codeFromOutbox, lastOutboxId, paragraph } from './account-helpers'
import { uniqueSlug } from './helpers'
import { residentKb, startSite } from './production'

const site = (path: string) => `${e2e.siteUrl}${path}`
// A browser's user agent: bots get no visitor id, so no cookie.
const browserUa = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36' }

test(
  'security headers: CSP allowing exactly the inline scripts, no framing of account pages or the admin, nosniff, ' +
    'referrer and permissions policies',
  async ({ page }) => {
    // The contact page: its lead form's script is inlined.
    const home = await fetch(site('/en/contact'))
    const html = await home.text()
    const headers = home.headers
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()')
    expect(headers.get('strict-transport-security')).toBeNull()
    const csp = headers.get('content-security-policy')!
    expect(csp).toContain("frame-ancestors 'self'")
    expect(csp).toContain("object-src 'none'")
    // Every inline script of the page is allowed by its hash, and nothing else is.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map(
      (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
    )
    expect(inline.length).toBeGreaterThan(0)
    // ...and the one inline handler the themes write, the search box's focus (by its hash, with 'unsafe-hashes').
    const handler = `'sha256-${createHash('sha256').update('import(this.form.dataset.script)').digest('base64')}'`
    expect(/script-src ([^;]*)/.exec(csp)![1]!.split(' ').sort()).toEqual(["'self'", ...new Set(inline), "'unsafe-hashes'", handler].sort())

    // In a browser the page runs with no violation (the consent banner's script included).
    const violations: string[] = []
    page.on('console', (message) => message.text().includes('Content Security Policy') && violations.push(message.text()))
    await page.goto(site('/en'))
    await page.goto(site('/en/contact'))
    // Focusing the search box runs its inline handler, which loads the suggestions script.
    const script = page.waitForResponse((response) => /\/_astro\/search-box-[\w-]+\.js$/.test(new URL(response.url()).pathname))
    await page.getByRole('combobox', { name: 'Search this site' }).focus()
    expect((await script).status()).toBe(200)
    expect(violations).toEqual([])

    for (const path of ['/en/account/sign-in', '/account/sign-up']) {
      const account = await fetch(site(path))
      expect(account.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'")
      expect(account.headers.get('x-frame-options'), path).toBe('DENY')
    }
    // Build assets and files carry the same headers, without a page's CSP.
    const robots = await fetch(site('/robots.txt'))
    expect(robots.headers.get('x-content-type-options')).toBe('nosniff')

    const admin = await fetch(`${e2e.cmsUrl}/admin/login`)
    expect(admin.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(admin.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(admin.headers.get('x-content-type-options')).toBe('nosniff')
    expect(admin.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  },
)

test('an https SITE_URL sends HSTS', async () => {
  const https = await startSite({ SITE_URL: 'https://localhost:4443' })
  try {
    const response = await fetch(`${https.url}/en`, { headers: browserUa })
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
    // Its visitor cookie is Secure.
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/)
  } finally {
    await https.stop()
  }
})

test('a response that sets a cookie is private, never public: rendered fresh or from the cache', async () => {
  const path = site(`/en/${uniqueSlug('no-such-page')}`)
  for (const round of ['rendered', 'cached']) {
    const first = await fetch(path, { headers: browserUa })
    expect(first.status, round).toBe(404)
    expect(first.headers.get('set-cookie'), round).toMatch(/^bs_visitor=/)
    expect(first.headers.get('cache-control'), round).toBe('private, no-cache')
  }
  // A returning visitor gets the shared copy.
  const returning = await fetch(path, { headers: { ...browserUa, cookie: 'bs_visitor=vAAAAAAAAAAAAAAAAAAAAAA' } })
  expect(returning.headers.get('set-cookie')).toBeNull()
  expect(returning.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
})

test('a member cookie written "bs_member =<token>" still counts as a member: the gated body is never cached for everyone', async ({
  request,
}) => {
  const api = await adminApi(request)
  const email = `${uniqueSlug('spaced')}@example.com`
  const json = { origin: e2e.siteUrl, 'content-type': 'application/json' }
  const before = await lastOutboxId(api)
  const signUp = await request.post(site('/en/account/sign-up'), {
    headers: json,
    data: { email, password: 'Lantern-garden 42', name: 'Spaced' },
  })
  expect(signUp.status()).toBe(201)
  const token = /bs_member=([^;]+)/.exec(signUp.headers()['set-cookie']!)![1]!
  const verified = await request.post(site('/en/account/verify'), {
    headers: { ...json, cookie: `bs_member=${token}` },
    data: { code: await codeFromOutbox(api, email, 'Confirm your email', before) },
  })
  expect(verified.status()).toBe(200)

  const secret = `spaced-secret-${Date.now()}`
  const slug = uniqueSlug('spaced-members')
  const post = await api.post('/api/posts?locale=en', {
    title: 'Spaced brief',
    slug,
    excerpt: 'Teaser',
    body: paragraph(secret),
    visibility: 'members',
    _status: 'published',
  })
  try {
    await expect.poll(async () => (await fetch(site(`/en/blog/${slug}`), { headers: { cookie: `bs_member =${token}` } })).status).toBe(200)
    const member = await fetch(site(`/en/blog/${slug}`), { headers: { cookie: `bs_member =${token}` } })
    expect(await member.text()).toContain(secret)
    expect(member.headers.get('cache-control')).toBe('private, no-store')
    // Anyone else gets the teaser, from a fresh render or from the cache.
    for (let i = 0; i < 2; i++) expect(await (await fetch(site(`/en/blog/${slug}`))).text()).not.toContain(secret)
  } finally {
    await api.delete(`/api/posts/${post.id}`)
  }
})

test('cached pages are compressed once per encoding, with Vary and an ETag, and If-None-Match answers 304', async () => {
  const url = site('/en/blog')
  const cookie = 'bs_visitor=vAAAAAAAAAAAAAAAAAAAAAA'
  await fetch(url, { headers: { cookie } })
  const plain = await fetch(url, { headers: { cookie, 'accept-encoding': 'identity' } })
  const html = Buffer.from(await plain.arrayBuffer())
  expect(plain.headers.get('content-encoding')).toBeNull()
  expect(plain.headers.get('vary')).toBe('Accept-Encoding')
  for (const [encoding, decode] of [
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const) {
    // fetch() would decode for us; read the bytes as they came.
    const raw = await new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        httpRequest(url, { headers: { cookie, 'accept-encoding': `${encoding}` } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
        })
          .on('error', reject)
          .end()
      },
    )
    expect(raw.headers['content-encoding']).toBe(encoding)
    expect(raw.body.byteLength).toBeLessThan(html.byteLength / 3)
    expect(decode(raw.body).equals(html)).toBe(true)
    const etag = raw.headers.etag as string
    expect(etag).not.toBe(plain.headers.get('etag'))
    const again = await fetch(url, { headers: { cookie, 'accept-encoding': encoding, 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
  }
})

test('a 900 MB chunked POST to /api/forms/1 is refused with 413 and the site process barely grows', async () => {
  test.setTimeout(120_000)
  const own = await startSite({})
  try {
    await fetch(`${own.url}/en`)
    const before = residentKb(own.pid)
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const { status, sentBytes } = await new Promise<{ status: number; sentBytes: number }>((resolve, reject) => {
      let sentBytes = 0
      let answered = false
      const req = httpRequest(
        `${own.url}/api/forms/1?locale=en`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          answered = true
          res.resume()
          resolve({ status: res.statusCode!, sentBytes })
          req.destroy()
        },
      )
      req.on('error', (error) => !answered && reject(error))
      // Writes up to 900 MB as fast as the site takes it, until it answers.
      const pump = () => {
        while (!answered && sentBytes < 900 * 1024 * 1024) {
          sentBytes += chunk.byteLength
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
        if (!answered) req.end()
      }
      pump()
    })
    expect(status).toBe(413)
    expect(sentBytes).toBeLessThan(900 * 1024 * 1024)
    expect(residentKb(own.pid) - before).toBeLessThan(8 * 1024)
    // The site still answers.
    expect((await fetch(`${own.url}/en`)).status).toBe(200)
  } finally {
    await own.stop()
  }
})
