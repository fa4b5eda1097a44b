import { type APIRequestContext, expect, test } from '@playwright/test'

import { pageBlocks } from '../../cms/blocks'
import { localizedHref, pageHref } from '../../functions/content/paths'
import { THEMES } from '../../functions/content/themes'
import { e2e } from '../../playwright.config'
import { BLOCK_TYPES as THEME_BLOCK_TYPES } from '../../themes/types'
import { expectOnlyThemeCss, h1Count, html, MARKERS, siteSettings, stylesOf, untilTheme } from './themes-helpers'

// Switching the theme in site settings changes the whole site, and every seeded page and post
// renders in every theme: status 200, one h1, each of its blocks. How soon the switch shows is
// measured by bench/editing.ts; the editorial theme's own look is tested in themes-editorial.spec.ts.

const LOCALES = ['zh-CN', 'en'] as const
const DEFAULT_LOCALE = 'zh-CN'
const BLOCK_TYPES = pageBlocks.map((block) => block.slug).sort()

interface SeededPage {
  path: string
  locale: string
  blocks: string[]
}

let request: APIRequestContext
let settings: Awaited<ReturnType<typeof siteSettings>>
const seededPages: SeededPage[] = []
const postPaths: string[] = []

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ playwright }) => {
  request = await playwright.request.newContext()
  settings = await siteSettings(request)
  for (const locale of LOCALES) {
    const pages = await (
      await request.get(`${e2e.cmsUrl}/api/pages?limit=100&depth=0&locale=${locale}&fallback-locale=none&where[_status][equals]=published`)
    ).json()
    for (const doc of (pages.docs as { path: string; title?: string | null; layout?: { blockType: string }[] }[]).filter((d) => d.title)) {
      seededPages.push({
        path: localizedHref(pageHref(doc.path), locale, DEFAULT_LOCALE),
        locale,
        blocks: (doc.layout ?? []).map((b) => b.blockType),
      })
    }
    // Without fallback: a post other specs published in one language only is no page in the other.
    const posts = await (
      await request.get(`${e2e.cmsUrl}/api/posts?limit=100&depth=0&locale=${locale}&fallback-locale=none&where[_status][equals]=published`)
    ).json()
    postPaths.push(
      ...(posts.docs as { slug: string; title?: string | null }[])
        .filter((p) => p.title)
        .map((p) => localizedHref(`/blog/${p.slug}`, locale, DEFAULT_LOCALE)),
    )
  }
})

test.afterAll(async () => {
  // Other specs expect the seeded look: put the theme back whatever happened above.
  if (settings) await settings.save({ theme: settings.original.theme })
  await request?.dispose()
})

test('the seed holds every block type on some page, in both locales; every theme must render each (themes/types.ts)', () => {
  expect([...THEME_BLOCK_TYPES].sort()).toEqual(BLOCK_TYPES)
  expect(settings.original.theme).toBe('classic')
  // Five seeded pages (home, about, contact, the spring launch and the white paper) in two languages.
  expect(seededPages.length).toBe(10)
  expect(postPaths.length).toBeGreaterThanOrEqual(18)
  for (const locale of LOCALES) {
    const used = new Set(seededPages.filter((p) => p.locale === locale).flatMap((p) => p.blocks))
    expect([...used].sort(), locale).toEqual(BLOCK_TYPES)
  }
})

for (const theme of [...THEMES].reverse()) {
  test(`switching to ${theme} in site settings reaches the home page; every page, post and block renders`, async () => {
    await settings.save({ theme })
    await untilTheme(theme)
    // The figure issue 13 asks for: bytes of CSS inlined on the English home page and a post.
    for (const path of ['/en', ...postPaths.filter((p) => p.startsWith('/en/')).slice(0, 1)]) {
      const css = stylesOf((await html(path)).body)
      console.log(`CSS on ${path} in ${theme}: ${new TextEncoder().encode(css).length} bytes`)
    }

    const other = THEMES.filter((t) => t !== theme)
    for (const page of seededPages) {
      const { status, body } = await html(page.path)
      expect(status, page.path).toBe(200)
      expect(MARKERS[theme].test(body), `${page.path} in ${theme}`).toBe(true)
      for (const name of other) expect(MARKERS[name].test(body), `${page.path} is not ${name}`).toBe(false)
      expectOnlyThemeCss(body, theme, page.path)
      expect(h1Count(body), `h1 on ${page.path}`).toBe(1)
      const rendered = [...body.matchAll(/data-block="([a-zA-Z]+)"/g)].map((m) => m[1])
      expect(rendered, `blocks of ${page.path} in ${theme}`).toEqual(page.blocks)
    }
    // Zero JavaScript by default: the home page has no script but its JSON-LD data.
    const scripts = (await html('/')).body.match(/<script(?![^>]*type="application\/ld\+json")[^>]*>/g) ?? []
    expect(scripts, 'client scripts on the home page').toEqual([])
    for (const path of postPaths) {
      const { status, body } = await html(path)
      expect(status, path).toBe(200)
      expect(MARKERS[theme].test(body), `${path} in ${theme}`).toBe(true)
      expectOnlyThemeCss(body, theme, path)
      expect(h1Count(body), `h1 on ${path}`).toBe(1)
    }
    for (const path of [
      '/blog',
      '/en/blog',
      '/blog/category/private-traffic',
      '/en/blog/category/private-traffic',
      `/search?q=${encodeURIComponent('品牌价值')}`,
      '/en/search?q=brand',
    ]) {
      const { status, body } = await html(path)
      expect(status, path).toBe(200)
      expect(h1Count(body), `h1 on ${path}`).toBe(1)
    }
    for (const path of ['/no-such-page', '/en/no-such-page']) {
      const { status, body } = await html(path)
      expect(status, path).toBe(404)
      expect(MARKERS[theme].test(body), `${path} in ${theme}`).toBe(true)
      expect(h1Count(body), `h1 on ${path}`).toBe(1)
    }
  })
}
