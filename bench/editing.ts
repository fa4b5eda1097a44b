// What an editor waits for, in milliseconds from the CMS's answer to the save until the site shows
// it: a new post published (target < 2000), a page edit on two site processes at once, a post in the
// sitemap and the feed, a new redirect, a theme switch; and how soon an image bomb is refused.
// The browser tests check that each of these happens; how soon is measured here, on a quiet
// product of its own, so a busy CI machine fails no test. `npx tsx bench/editing.ts`.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { build } from '../scripts/build.mjs'
import { bin, productEnv, root, run, waitForHttp } from '../scripts/lib.mjs'
import { runBench } from './lib'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-editing-'))
const env = productEnv({
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  CMS_PORT: '3414',
  SITE_PORT: '4435',
  ADMIN_EMAIL: 'bench@example.com',
  ADMIN_PASSWORD: 'bench-Passw0rd-long',
})
const SECOND_SITE = 'http://localhost:4436'
const children: ChildProcess[] = []

function start(command: string, args: string[], extra: Record<string, string> = {}): void {
  children.push(spawn(command, args, { cwd: root, env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] }))
}

/** Milliseconds from now until `check` is true, asking every 20 ms; fails after 30 s. */
async function msUntil(what: string, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now()
  while (!(await check())) {
    if (performance.now() - started > 30_000) throw new Error(`${what}: not within 30 s`)
    await new Promise((r) => setTimeout(r, 20))
  }
  return performance.now() - started
}

const shows = (url: string, text: string) => async () => {
  const response = await fetch(url)
  return response.status === 200 && (await response.text()).includes(text)
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b)
  return `${Math.round(sorted[Math.floor(sorted.length / 2)]!)} / ${Math.round(sorted[sorted.length - 1]!)}`
}

async function main() {
  await build()
  await run(bin('tsx'), [path.join(root, 'scripts/seed.ts'), '--if-empty'], { env })
  start(bin('next'), ['start', 'cms', '-p', env.CMS_PORT])
  start(process.execPath, [path.join(root, 'site/server.mjs')], { PORT: env.SITE_PORT })
  // A second site process on the same database, which the CMS knows nothing about.
  start(process.execPath, [path.join(root, 'site/server.mjs')], { PORT: '4436', SITE_URL: SECOND_SITE })
  await Promise.all([waitForHttp(`${env.CMS_URL}/api/users/me`), waitForHttp(`${env.SITE_URL}/`), waitForHttp(`${SECOND_SITE}/`)])
  const site = env.SITE_URL
  const cms = env.CMS_URL

  const login = await fetch(`${cms}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
  })
  const { token } = (await login.json()) as { token: string }
  const auth = { authorization: `JWT ${token}` }
  const api = async (method: string, apiPath: string, body: unknown, status = 200) => {
    const response = await fetch(`${cms}${apiPath}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (response.status !== status) throw new Error(`${method} ${apiPath}: ${response.status} ${await response.text()}`)
    return response.json()
  }

  const published: number[] = []
  const sitemap: number[] = []
  const feed: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const slug = `bench-editing-${i}-${Date.now().toString(36)}`
    const title = `Published by the bench ${slug}`
    await api('POST', '/api/posts?locale=en', { title, slug, excerpt: 'Fresh', _status: 'published' }, 201)
    published.push(await msUntil('the new post', shows(`${site}/en/blog/${slug}`, title)))
    sitemap.push((await msUntil('the sitemap', shows(`${site}/sitemap-en.xml`, `/en/blog/${slug}`))) + published.at(-1)!)
    feed.push((await msUntil('the feed', shows(`${site}/en/rss.xml`, `/en/blog/${slug}`))) + sitemap.at(-1)!)
  }

  const about = (
    (await (await fetch(`${cms}/api/pages?where[path][equals]=about&depth=0`, { headers: auth })).json()) as { docs: { id: number }[] }
  ).docs[0]!
  const twoSites: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    // Both caches warm with the current version first.
    for (const origin of [site, SECOND_SITE]) for (let n = 0; n < 2; n++) await (await fetch(`${origin}/about`)).text()
    const title = `About, edited ${i} ${Date.now()}`
    await api('PATCH', `/api/pages/${about.id}?locale=zh-CN`, { title, _status: 'published' })
    twoSites.push(
      Math.max(
        ...(await Promise.all([
          msUntil('the first site', shows(`${site}/about`, title)),
          msUntil('the second site', shows(`${SECOND_SITE}/about`, title)),
        ])),
      ),
    )
  }

  const redirects: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const from = `/bench-old-${i}-${Date.now().toString(36)}`
    await api('POST', '/api/redirects', { from, to: '/about', status: '301' }, 201)
    redirects.push(await msUntil('the redirect', async () => (await fetch(`${site}${from}`, { redirect: 'manual' })).status === 301))
  }

  const themes: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    for (const [theme, marker] of [
      ['editorial', 'data-theme="editorial"'],
      ['classic', '<header class="site-header"'],
    ] as const) {
      await api('POST', '/api/globals/site-settings', { theme })
      themes.push(await msUntil(`the ${theme} theme`, shows(`${site}/`, marker)))
    }
  }

  // One colour compresses to a few hundred kilobytes, yet decodes to 100 million pixels: refused from its header.
  const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#ffffff' } })
    .png({ compressionLevel: 9 })
    .toBuffer()
  const refusals: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bomb)], { type: 'image/png' }), 'huge.png')
    form.append('_payload', JSON.stringify({ alt: 'bomb' }))
    const started = performance.now()
    const response = await fetch(`${cms}/api/media`, { method: 'POST', headers: auth, body: form })
    await response.text()
    if (response.status !== 422) throw new Error(`the image bomb: ${response.status}`)
    refusals.push(performance.now() - started)
  }

  console.table({
    'new post published to visible, median / max ms (target < 2000)': summary(published),
    'page edit to visible on both of two site processes, median / max ms (target < 2000)': summary(twoSites),
    'new post in the sitemap, since the save, median / max ms': summary(sitemap),
    'new post in the feed, since the save, median / max ms': summary(feed),
    'new redirect answering 301, median / max ms': summary(redirects),
    'theme switch to the home page, median / max ms (target < 2000)': summary(themes),
    [`10000 × 10000 PNG (${Math.round(bomb.length / 1024)} KB) refused over REST, median / max ms (target < 1000)`]: summary(refusals),
    rounds: `${ROUNDS} each, one product on this machine (2 cores), a fresh database`,
  })
}

runBench(main, { children, dataDir })
