import { type APIRequestContext, expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { untilVisible } from './helpers'
import { siteSettings, untilTheme } from './themes-helpers'

// The editorial theme's own layout, colours, phone layout and form; every page in every theme is
// tested in themes.spec.ts.

let request: APIRequestContext
let settings: Awaited<ReturnType<typeof siteSettings>>

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ playwright }) => {
  request = await playwright.request.newContext()
  settings = await siteSettings(request)
  await settings.save({ theme: 'editorial' })
  await untilTheme('editorial')
})

test.afterAll(async () => {
  // Other specs expect the seeded look: put the theme and colour back whatever happened below.
  if (settings) await settings.save({ theme: settings.original.theme, brandColor: settings.original.brandColor })
  await request?.dispose()
})

test.describe('the editorial theme', () => {
  test('has its own layout: centred masthead, sections below, landmarks, its own words in each locale', async ({ page }) => {
    await page.goto(`${e2e.siteUrl}/en/about`)
    await expect(page.locator('header.masthead .nameplate .brand')).toContainText('Cinnabar')
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'About' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    await expect(page.getByRole('banner')).toHaveCount(1)
    await expect(page.getByRole('main')).toHaveCount(1)
    await expect(page.getByRole('contentinfo')).toHaveCount(1)
    // Headings are serif, body text is not: the display typography of the theme.
    const fonts = await page.evaluate(() => [
      getComputedStyle(document.querySelector('h1')!).fontFamily,
      getComputedStyle(document.body).fontFamily,
    ])
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
    expect(brand.toLowerCase()).toBe(settings.original.brandColor.toLowerCase())
    await expect(page.locator('header.masthead .brand img')).toHaveAttribute('src', /^\/media\/\S+\.webp$/)

    await settings.save({ brandColor: '#ffcc00' })
    await untilVisible(`${e2e.siteUrl}/`, '--brand-ink: #856a00')
    await page.goto(`${e2e.siteUrl}/`)
    const button = page.locator('main [data-block="hero"] .button').first()
    await expect(button).toHaveCSS('background-color', 'rgb(133, 106, 0)')
    await expect(button).toHaveCSS('color', 'rgb(255, 255, 255)')
    await settings.save({ brandColor: settings.original.brandColor })
  })

  test('is usable on a phone: nothing wider than the screen, focus always visible', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
    const page = await context.newPage()
    for (const path of [
      '/',
      '/en/',
      '/about',
      '/en/contact',
      '/blog',
      '/en/blog/owned-channels-first',
      '/campaigns/spring-launch',
      '/en/search?q=brand',
    ]) {
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
