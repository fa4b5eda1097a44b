import { expect, type Page, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { uniqueSlug } from './helpers'

// The jobs worker builds the indexes at start; wait for them rather than for a fixed time.
test.beforeAll(async () => {
  const until = Date.now() + 30_000
  for (const locale of ['zh-cn', 'en']) {
    while ((await fetch(`${e2e.siteUrl}/search-index/${locale}.json`)).status !== 200) {
      if (Date.now() > until) throw new Error(`The ${locale} search index was not built within 30 s of the start`)
      await new Promise((r) => setTimeout(r, 250))
    }
  }
})

/** The text of a page's h1, from its HTML. */
function h1Of(html: string): string | undefined {
  return html.match(/<h1[^>]*>(.*?)<\/h1>/s)?.[1]
}

/** The result titles of a search page's HTML, without their marks. */
function titlesOf(html: string): string[] {
  return [...html.matchAll(/<h2[^>]*><a [^>]*>(.*?)<\/a><\/h2>/gs)].map((m) => m[1]!.replace(/<\/?mark>/g, ''))
}

async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('.results h2').allTextContents()
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the header box searches Chinese typed without spaces, and results show highlighted snippets', async ({ page }) => {
    await page.goto(`${e2e.siteUrl}/blog/owned-channels-first`)
    await page.getByRole('combobox', { name: '搜索本站' }).fill('品牌价值')
    await page.getByRole('combobox', { name: '搜索本站' }).press('Enter')
    await expect(page).toHaveURL(`${e2e.siteUrl}/search?q=${encodeURIComponent('品牌价值')}`)
    await expect(page.locator('h1')).toHaveText('搜索：品牌价值')
    await expect(page).toHaveTitle(/^搜索：品牌价值 \| /)
    expect((await resultTitles(page))[0]).toBe('品牌价值如何出现在报表里')
    await expect(page.locator('.results li').first().locator('h2 mark')).toHaveText('品牌价值')
    await expect(page.locator('.results .snippet mark').first()).toHaveText(/^(品牌价值|品牌|价值)$/)
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0)
  })

  test('English search stems words and shows exact results in order', async ({ page }) => {
    const response = await page.goto(`${e2e.siteUrl}/en/search?q=${encodeURIComponent('counting QR codes')}`)
    expect(response?.status()).toBe(200)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.locator('h1')).toHaveText('Search: counting QR codes')
    expect((await resultTitles(page))[0]).toBe('Every QR code should be counted')
    await expect(page.locator('.results li').first().locator('h2 mark')).toHaveText(['QR', 'code', 'counted'])
    await page.locator('.results h2 a').first().click()
    await expect(page).toHaveURL(`${e2e.siteUrl}/en/blog/qr-codes-that-count`)
  })

  test('no query, nothing found, and hostile queries each get a helpful page, never an error', async ({ page }) => {
    await page.goto(`${e2e.siteUrl}/search`)
    await expect(page.locator('h1')).toHaveText('搜索')
    await expect(page.locator('.search-page .hint')).toHaveText('输入关键词，搜索本站的文章和页面。例如：私域流量、品牌价值、会员积分。')

    await page.goto(`${e2e.siteUrl}/en/search?q=zebracorn`)
    await expect(page.locator('.empty p').first()).toHaveText('Nothing matched “zebracorn”.')
    await expect(page.locator('.empty a')).toHaveAttribute('href', '/en/blog')

    for (const q of ['title:', '*', '~', '+-', '__proto__', 'x'.repeat(2048), '\u0001\u0002', 'brand^10 title:value~2']) {
      const response = await fetch(`${e2e.siteUrl}/en/search?q=${encodeURIComponent(q)}`)
      expect(response.status, q.slice(0, 20)).toBe(200)
      const html = await response.text()
      expect(h1Of(html)?.startsWith('Search: '), q.slice(0, 20)).toBe(true)
      // JSON-LD is data, not script; nothing else may be a script element.
      expect(html.replace(/<script type="application\/ld\+json">.*?<\/script>/gs, '').includes('<script'), q.slice(0, 20)).toBe(false)
    }
    // The query is escaped wherever it is shown.
    await page.goto(`${e2e.siteUrl}/en/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`)
    await expect(page.locator('h1')).toHaveText('Search: <img src=x onerror=alert(1)>')
    expect(await page.locator('main img[src="x"]').count()).toBe(0)
  })

  test('results page with a query and page number', async ({ page }) => {
    await page.goto(`${e2e.siteUrl}/en/search?q=brand`)
    const total = Number((await page.locator('.count').textContent())?.match(/^(\d+) result/)?.[1])
    expect(total).toBeGreaterThan(10)
    await expect(page.locator('.results li')).toHaveCount(10)
    await expect(page.locator('.pager')).toContainText(`Page 1 of ${Math.ceil(total / 10)}`)
    await page.getByRole('link', { name: 'Next' }).click()
    await expect(page).toHaveURL(`${e2e.siteUrl}/en/search?q=brand&page=2`)
    await expect(page.locator('.results li')).toHaveCount(Math.min(10, total - 10))
    await expect(page.getByRole('link', { name: 'Previous' })).toHaveAttribute('href', '/en/search?q=brand')
  })

  test('a search page is never served to another visitor from the page cache', async () => {
    const first = await (await fetch(`${e2e.siteUrl}/en/search?q=${encodeURIComponent('QR code')}`)).text()
    const second = await (await fetch(`${e2e.siteUrl}/en/search?q=${encodeURIComponent('positioning')}`)).text()
    const none = await (await fetch(`${e2e.siteUrl}/en/search`)).text()
    expect(h1Of(first)).toBe('Search: QR code')
    expect(titlesOf(first)[0]).toBe('Every QR code should be counted')
    expect(h1Of(second)).toBe('Search: positioning')
    expect(titlesOf(second)[0]).toBe('Positioning in one sentence: an exercise for B2B founders')
    expect(titlesOf(second)).not.toContain('Every QR code should be counted')
    expect(h1Of(none)).toBe('Search')
    expect(titlesOf(none)).toEqual([])
  })
})

test.describe('with JavaScript', () => {
  test('search loads no script on a post until the box is focused; then suggestions appear as you type', async ({ page }) => {
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    await page.goto(`${e2e.siteUrl}/en/blog/owned-channels-first`)
    await page.waitForLoadState('networkidle')
    // Search adds nothing before the box is focused: no script file fetched, no script element of its own.
    expect(scripts).toEqual([])
    expect(await page.locator('header script, .search-box script').count()).toBe(0)

    const box = page.getByRole('combobox', { name: 'Search this site' })
    const index = page.waitForResponse((r) => r.url() === `${e2e.siteUrl}/search-index/en.json` && r.status() === 200)
    await box.focus()
    await index
    expect(scripts).toHaveLength(1)
    expect(scripts[0]).toMatch(/^\/_astro\/search-box-[\w-]+\.js$/)

    await box.pressSequentially('brand val')
    const suggestions = page.locator('.search-box .suggestions a')
    await expect(suggestions.first()).toHaveText('Showing brand value in the numbers')
    await expect(suggestions.first().locator('mark')).toHaveText(['brand', 'value'])
    await box.press('ArrowDown')
    await expect(suggestions.first()).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`${e2e.siteUrl}/en/blog/brand-value-in-numbers`)
  })

  test('Chinese suggestions, then Enter shows the full results page', async ({ page }) => {
    await page.goto(`${e2e.siteUrl}/`)
    const box = page.getByRole('combobox', { name: '搜索本站' })
    await box.focus()
    await box.pressSequentially('私域')
    await expect(page.locator('.search-box .suggestions a').first()).toHaveText('私域不是流量池，是品牌的家')
    await box.press('Enter')
    await expect(page).toHaveURL(`${e2e.siteUrl}/search?q=${encodeURIComponent('私域')}`)
    expect((await resultTitles(page))[0]).toBe('私域不是流量池，是品牌的家')
  })
})

test('publishing a post puts it in the index, and unpublishing takes it out', async () => {
  const login = await fetch(`${e2e.cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(e2e.editor),
  })
  const { token } = (await login.json()) as { token: string }
  const auth = { 'content-type': 'application/json', authorization: `JWT ${token}` }
  const slug = uniqueSlug('e2e-search')
  const word = `quokka${Date.now().toString(36)}`
  const created = await fetch(`${e2e.cmsUrl}/api/posts?locale=en`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      title: `Field notes on the ${word}`,
      slug,
      excerpt: 'A post written by the search test.',
      _status: 'published',
    }),
  })
  expect(created.status).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: number } }

  const searchUrl = `${e2e.siteUrl}/en/search?q=${word}`
  await expect.poll(async () => (await fetch(searchUrl)).text(), { timeout: 15_000 }).toContain(`Field notes on the <mark>${word}</mark>`)

  const unpublished = await fetch(`${e2e.cmsUrl}/api/posts/${doc.id}?locale=en`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ _status: 'draft' }),
  })
  expect(unpublished.status).toBe(200)
  await expect.poll(async () => (await fetch(searchUrl)).text(), { timeout: 15_000 }).toContain(`Nothing matched “${word}”.`)
})
