import { expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'

test('home renders its blocks, without client JavaScript', async ({ page }) => {
  const response = await page.goto(`${e2e.siteUrl}/`)
  expect(response?.status()).toBe(200)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.locator('h1')).toHaveCount(1)
  const blocks = await page.locator('main [data-block]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-block')))
  expect(blocks).toEqual(['hero', 'featureCards', 'latestPosts', 'testimonials', 'faq', 'callToAction'])
  await expect(page.locator('main [data-block="latestPosts"] article')).toHaveCount(3)
  await expect(page.locator('main [data-block="faq"] details').first()).toBeVisible()
  // The hero image is the first visible image: fetched early, never lazy.
  const hero = page.locator('main [data-block="hero"] img').first()
  await expect(hero).toHaveAttribute('fetchpriority', 'high')
  await expect(page.locator('main [data-block="hero"] source[type="image/avif"]')).toHaveAttribute('srcset', /^\/media\/\S+\.avif 480w, /)
  await expect(page.locator('main [data-block="hero"] source[type="image/webp"]')).toHaveAttribute('srcset', /^\/media\/\S+\.webp 480w, /)
  await expect(page.locator('main [data-block="latestPosts"] img').first()).toHaveAttribute('loading', 'lazy')
  expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  // JSON-LD is data, not client JavaScript.
  expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0)
})

test('the brand colour from site settings reaches the page as a design token', async ({ page }) => {
  await page.goto(`${e2e.siteUrl}/`)
  const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim())
  expect(brand.toLowerCase()).toBe('#c8102e')
})

test('the language switch moves between zh-CN at the root and en under /en/', async ({ page }) => {
  await page.goto(`${e2e.siteUrl}/about`)
  const zhTitle = await page.locator('h1').textContent()
  await page.getByRole('link', { name: 'English' }).first().click()
  await expect(page).toHaveURL(`${e2e.siteUrl}/en/about`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  expect(await page.locator('h1').textContent()).not.toBe(zhTitle)
  await page.getByRole('link', { name: '简体中文' }).first().click()
  await expect(page).toHaveURL(`${e2e.siteUrl}/about`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})

test('the blog lists posts with pagination and categories', async ({ page }) => {
  await page.goto(`${e2e.siteUrl}/en/blog`)
  await expect(page.locator('h1')).toHaveText('Blog')
  const cards = page.locator('main article')
  expect(await cards.count()).toBeGreaterThanOrEqual(9)
  const first = cards.first().locator('h2 a')
  const href = await first.getAttribute('href')
  expect(href).toMatch(/^\/en\/blog\/[a-z0-9-]+$/)
  await first.click()
  await expect(page).toHaveURL(`${e2e.siteUrl}${href}`)
  await expect(page.locator('article h1')).toHaveCount(1)
  const category = page.locator('main a[href^="/en/blog/category/"]').first()
  await category.click()
  await expect(page.locator('h1')).toContainText('Category')
  expect(await page.locator('main article').count()).toBeGreaterThanOrEqual(3)
  // Nine English posts fill exactly one page of nine: a second page does not exist.
  expect((await fetch(`${e2e.siteUrl}/en/blog/page/2`)).status).toBe(404)
})

test('an unknown path answers the themed 404 with status 404', async ({ page }) => {
  const response = await page.goto(`${e2e.siteUrl}/no-such-page`)
  expect(response?.status()).toBe(404)
  await expect(page.locator('h1')).toHaveCount(1)
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible()
  const en = await page.goto(`${e2e.siteUrl}/en/blog/no-such-post`)
  expect(en?.status()).toBe(404)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('hostile paths are 404, never 500', async () => {
  const table: [string, number][] = [
    ['/blog/..%2f..%2fetc%2fpasswd', 404],
    ['/..%2f..%2fetc%2fpasswd', 404],
    ['/media/..%2f..%2f.secret', 404],
    ['/media/%2e%2e%2fsite.db', 404],
    ['/media/.secret', 404],
    ['/blog/page/99999999999999', 404],
    ['/blog/category/__proto__', 404],
    // A malformed escape is refused by the server before routing.
    ['/blog/%E0%A4%A', 400],
  ]
  for (const [path, status] of table) {
    const response = await fetch(`${e2e.siteUrl}${path}`)
    expect(response.status, path).toBe(status)
  }
})
