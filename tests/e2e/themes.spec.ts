import { expect, test, type APIRequestContext } from '@playwright/test'

import { pageBlocks } from '../../cms/blocks'
import { localizedHref, pageHref } from '../../functions/content/paths'
import { THEMES } from '../../functions/content/themes'
import { e2e } from '../../playwright.config'
import { msUntilVisible, signIn } from './helpers'

// Switching the theme in site settings changes the whole site within two seconds, and every
// seeded page and post renders in every theme: status 200, one h1, each of its blocks.

const LOCALES = ['zh-CN', 'en'] as const
const DEFAULT_LOCALE = 'zh-CN'
/** What each theme's markup is recognised by. */
const MARKERS: Record<(typeof THEMES)[number], RegExp> = {
  classic: /<header class="site-header"/,
  editorial: /<html[^>]*\bdata-theme="editorial"/,
}
/** A rule from each theme's Layout styles: a page must carry its own theme's component CSS and no other's. */
const CSS_MARKERS: Record<(typeof THEMES)[number], string> = {
  classic: '.site-header[data-astro-cid-',
  editorial: '.masthead[data-astro-cid-',
}
const BLOCK_TYPES = pageBlocks.map((block) => block.slug).sort()

interface SeededPage { path: string; locale: string; blocks: string[] }

let api: APIRequestContext
let original: { theme: string; brandColor: string }
let seededPages: SeededPage[] = []
let postPaths: string[] = []

/** Saves site settings through the REST API as the signed-in admin (cookie auth, so an Origin Payload trusts). */
async function saveSettings(data: Record<string, unknown>): Promise<void> {
  // Payload 3 updates a global with POST /api/globals/<slug>; PATCH is not routed (404).
  const response = await api.post(`${e2e.cmsUrl}/api/globals/site-settings`, { headers: { origin: e2e.cmsUrl }, data })
  expect(response.status(), await response.text()).toBe(200)
}

async function html(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${e2e.siteUrl}${path}`)
  return { status: response.status, body: await response.text() }
}

/** The CSS a page carries: every <style> element's text (the site inlines all of it). */
const stylesOf = (body: string) => [...body.matchAll(/<style[^>]*>([^<]*)<\/style>/g)].map((m) => m[1]).join('')

/** Fails unless the page's CSS is its own theme's and none of another theme's. */
function expectOnlyThemeCss(body: string, theme: (typeof THEMES)[number], path: string): void {
  const css = stylesOf(body)
  expect(css, `${theme}'s component CSS on ${path}`).toContain(CSS_MARKERS[theme])
  for (const other of THEMES.filter((t) => t !== theme)) expect(css, `${other}'s component CSS on ${path}`).not.toContain(CSS_MARKERS[other])
}

const h1Count = (body: string) => body.match(/<h1[\s>]/g)?.length ?? 0

/** Polls the home page until it is in `theme`; returns the milliseconds since `since`. */
async function msUntilTheme(theme: (typeof THEMES)[number], since: number, timeoutMs = 5_000): Promise<number> {
  while (Date.now() - since < timeoutMs) {
    const { status, body } = await html('/')
    if (status === 200 && MARKERS[theme].test(body)) return Date.now() - since
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`the home page did not show the ${theme} theme within ${timeoutMs} ms`)
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, e2e.admin)
  api = context.request
  original = await (await api.get(`${e2e.cmsUrl}/api/globals/site-settings?depth=0`)).json()

  for (const locale of LOCALES) {
    const pages = await (await api.get(`${e2e.cmsUrl}/api/pages?limit=100&depth=0&locale=${locale}&fallback-locale=none&where[_status][equals]=published`)).json()
    for (const doc of (pages.docs as { path: string; title?: string | null; layout?: { blockType: string }[] }[]).filter((d) => d.title)) {
      seededPages.push({ path: localizedHref(pageHref(doc.path), locale, DEFAULT_LOCALE), locale, blocks: (doc.layout ?? []).map((b) => b.blockType) })
    }
    // Without fallback: a post other specs published in one language only is no page in the other.
    const posts = await (await api.get(`${e2e.cmsUrl}/api/posts?limit=100&depth=0&locale=${locale}&fallback-locale=none&where[_status][equals]=published`)).json()
    postPaths.push(...(posts.docs as { slug: string; title?: string | null }[]).filter((p) => p.title).map((p) => localizedHref(`/blog/${p.slug}`, locale, DEFAULT_LOCALE)))
  }
})

test.afterAll(async ({ playwright }) => {
  // Other specs expect the seeded look: put the theme and colour back whatever happened above,
  // through a request context of its own (the browser context of beforeAll may be gone by now).
  if (!original) return
  const request = await playwright.request.newContext()
  const login = await request.post(`${e2e.cmsUrl}/api/users/login`, { data: e2e.admin })
  const { token } = (await login.json()) as { token: string }
  const restored = await request.post(`${e2e.cmsUrl}/api/globals/site-settings`, { headers: { authorization: `JWT ${token}` }, data: { theme: original.theme, brandColor: original.brandColor } })
  expect(restored.status()).toBe(200)
  await request.dispose()
})

test('the seed holds every block type on some page, in both locales', () => {
  expect(original.theme).toBe('classic')
  expect(seededPages.length).toBe(8)
  expect(postPaths.length).toBeGreaterThanOrEqual(18)
  for (const locale of LOCALES) {
    const used = new Set(seededPages.filter((p) => p.locale === locale).flatMap((p) => p.blocks))
    expect([...used].sort(), locale).toEqual(BLOCK_TYPES)
  }
})

for (const theme of [...THEMES].reverse()) {
  test(`switching to ${theme} in site settings reaches the home page within 2 s; every page, post and block renders`, async () => {
    const started = Date.now()
    await saveSettings({ theme })
    const saved = Date.now() - started
    const ms = await msUntilTheme(theme, started)
    test.info().annotations.push({ type: 'theme switch', description: `${theme}: ${ms} ms from the settings request (saved after ${saved} ms) to the home page` })
    console.log(`theme switch to ${theme}: ${ms} ms from the settings request, of which ${saved} ms saving`)
    expect(ms).toBeLessThan(2000)
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
    for (const path of ['/blog', '/en/blog', '/blog/category/private-traffic', '/en/blog/category/private-traffic', `/search?q=${encodeURIComponent('品牌价值')}`, '/en/search?q=brand']) {
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

test.describe('the editorial theme', () => {
  test.beforeAll(async () => {
    await saveSettings({ theme: 'editorial' })
    await msUntilTheme('editorial', Date.now())
  })

  test('has its own layout: centred masthead, sections below, landmarks, its own words in each locale', async ({ page }) => {
    await page.goto(`${e2e.siteUrl}/en/about`)
    await expect(page.locator('header.masthead .nameplate .brand')).toContainText('Cinnabar')
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page')
    await expect(page.getByRole('banner')).toHaveCount(1)
    await expect(page.getByRole('main')).toHaveCount(1)
    await expect(page.getByRole('contentinfo')).toHaveCount(1)
    // Headings are serif, body text is not: the display typography of the theme.
    const fonts = await page.evaluate(() => [getComputedStyle(document.querySelector('h1')!).fontFamily, getComputedStyle(document.body).fontFamily])
    expect(fonts[0]).toMatch(/serif$/)
    expect(fonts[0]).not.toBe(fonts[1])

    await page.goto(`${e2e.siteUrl}/no-such-page`)
    await expect(page.locator('h1')).toHaveText('这一页不在刊中')
    await expect(page.getByRole('navigation', { name: '栏目' })).toBeVisible()
    await page.goto(`${e2e.siteUrl}/en/no-such-page`)
    await expect(page.locator('h1')).toHaveText('This page is not in the issue')

    // The shared search box sits in the masthead's top line and searches in the page's language.
    await page.goto(`${e2e.siteUrl}/en/about`)
    await page.locator('header.masthead [role="search"] input[name="q"]').fill('owned channels')
    await page.locator('header.masthead [role="search"] input[name="q"]').press('Enter')
    await expect(page).toHaveURL(`${e2e.siteUrl}/en/search?q=owned+channels`)
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'editorial')
    await expect(page.locator('h1')).toHaveCount(1)

    // A landing page keeps the brand line but drops the sections and the search box.
    await page.goto(`${e2e.siteUrl}/en/campaigns/spring-launch`)
    await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0)
    await expect(page.locator('[role="search"]')).toHaveCount(0)
  })

  test('applies the brand colour and logo, darkening a light colour until text in it is readable', async ({ page }) => {
    await page.goto(`${e2e.siteUrl}/`)
    const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim())
    expect(brand.toLowerCase()).toBe(original.brandColor.toLowerCase())
    await expect(page.locator('header.masthead .brand img')).toHaveAttribute('src', /^\/media\/\S+\.webp$/)

    await saveSettings({ brandColor: '#ffcc00' })
    await msUntilVisible(`${e2e.siteUrl}/`, '--brand-ink: #856a00')
    await page.goto(`${e2e.siteUrl}/`)
    const button = page.locator('main [data-block="hero"] .button').first()
    await expect(button).toHaveCSS('background-color', 'rgb(133, 106, 0)')
    await expect(button).toHaveCSS('color', 'rgb(255, 255, 255)')
    await saveSettings({ brandColor: original.brandColor })
  })

  test('is usable on a phone: nothing wider than the screen, focus always visible', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    for (const path of ['/', '/en/', '/about', '/en/contact', '/blog', '/en/blog/owned-channels-first', '/campaigns/spring-launch', '/en/search?q=brand']) {
      await page.goto(`${e2e.siteUrl}${path}`)
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360)
    }
    await page.goto(`${e2e.siteUrl}/en/`)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect(skip).toBeFocused()
    expect(await skip.evaluate((a) => a.getBoundingClientRect().left)).toBeGreaterThanOrEqual(0)
    // The next stops (search box, its button, the languages, the brand, the sections) each show where focus is:
    // an outline, or for the search field the ring its form draws around it.
    for (let stop = 0; stop < 6; stop++) {
      await page.keyboard.press('Tab')
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement
        const ring = element.closest('.search-box')
        return {
          what: `${element.tagName} ${element.textContent?.trim() || element.getAttribute('name') || ''}`,
          outline: getComputedStyle(element).outlineStyle,
          ring: ring && element.tagName === 'INPUT' ? getComputedStyle(ring).boxShadow : 'none',
        }
      })
      expect(focus.outline !== 'none' || focus.ring !== 'none', `focus visible on ${focus.what}`).toBe(true)
    }
    await context.close()
  })

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false })

    test('the lead form answers a refused submission with errors beside the fields', async ({ page }) => {
      await page.goto(`${e2e.siteUrl}/en/contact`)
      const refused = page.waitForResponse((r) => r.request().method() === 'POST')
      await page.locator('form.lead-form').getByRole('button', { name: 'Send' }).click()
      expect((await refused).status()).toBe(422)
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'editorial')
      await expect(page.locator('[data-field="name"] .error')).toHaveText('This field is required.')
      await expect(page.locator('[data-field="name"] input')).toHaveAttribute('aria-invalid', 'true')
      await expect(page.locator('h1')).toHaveCount(1)
    })
  })
})

test('switching back to classic leaves the site as the other specs expect it', async () => {
  const started = Date.now()
  await saveSettings({ theme: 'classic' })
  expect(await msUntilTheme('classic', started)).toBeLessThan(2000)
  expect((await html('/')).body).not.toMatch(MARKERS.editorial)
})
