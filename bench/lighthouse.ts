// `npm run bench` (part): Lighthouse's mobile audit of the home page, a post and a campaign landing
// page with a lead form, against the built site on a scratch database, in Debian's chromium.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'

import { build } from '../scripts/build.mjs'
import { bin, productEnv, root, run, waitForHttp } from '../scripts/lib.mjs'
import { runBench } from './lib'

const dataDir = mkdtempSync(path.join(tmpdir(), 'brand-site-bench-lh-'))
const env = productEnv({
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  CMS_PORT: '3430',
  SITE_PORT: '4451',
  ADMIN_EMAIL: 'bench@example.com',
  ADMIN_PASSWORD: 'bench-Passw0rd-long',
})
const children: ChildProcess[] = []
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

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
  const pages = { 'home (zh-CN)': '/', 'post (en)': '/en/blog/qr-codes-that-count', 'landing page with a form': '/campaigns/spring-launch' }
  // warm the page cache, as a visitor after the first would find it
  for (const p of Object.values(pages)) await fetch(`${env.SITE_URL}${p}`)

  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  })
  const rows: Record<string, Record<string, number | string>> = {}
  try {
    for (const [name, p] of Object.entries(pages)) {
      // Lighthouse's default is the mobile form factor with simulated slow 4G and a 4× slower CPU.
      const result = await lighthouse(`${env.SITE_URL}${p}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      })
      const lhr = result!.lhr
      rows[name] = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]))
      rows[name]!['LCP ms'] = Math.round(Number(lhr.audits['largest-contentful-paint']?.numericValue ?? 0))
      rows[name]!['JS bytes'] = Number(
        lhr.audits['total-byte-weight']
          ? ((lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items
              ?.filter((i) => i.resourceType === 'Script')
              .reduce((s, i) => s + (i.transferSize ?? 0), 0) ?? 0)
          : 0,
      )
      // Inline scripts and handler attributes are JavaScript too, though no script file is fetched.
      const html = await (await fetch(`${env.SITE_URL}${p}`)).text()
      const inline = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
        (sum, m) => sum + Buffer.byteLength(m[1]!),
        0,
      )
      const handlers = [...html.matchAll(/\son[a-z]+="([^"]*)"/g)].reduce((sum, m) => sum + Buffer.byteLength(m[1]!), 0)
      rows[name]!['inline JS bytes'] = inline + handlers
      const failed = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id)
      rows[name]!['failed audits'] = failed.join(', ') || '–'
    }
  } finally {
    await chrome.kill()
  }
  // What focusing the search box loads: its script (then the locale's index, JSON, built by the jobs worker).
  const html = await (await fetch(`${env.SITE_URL}/en/blog/qr-codes-that-count`)).text()
  const script = /data-script="([^"]+)"/.exec(html)?.[1]
  if (script)
    rows['post, search box focused'] = { 'JS bytes': (await (await fetch(new URL(script, env.SITE_URL))).arrayBuffer()).byteLength }
  console.table(rows)
  console.log(
    'Targets: 100 in each category, at least 95. Mobile form factor, simulated throttling, Lighthouse',
    (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version,
  )
}

runBench(main, { children, dataDir })
