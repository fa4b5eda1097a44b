import { expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { signIn, uniqueSlug, untilVisible } from './helpers'

test('an editor creates and publishes a post, and the site shows it (how soon: bench/editing.ts)', async ({ page }) => {
  await signIn(page, e2e.editor)
  const slug = uniqueSlug('e2e-published')
  const title = `Published from the admin ${slug}`

  await page.goto(`${e2e.cmsUrl}/admin/collections/posts/create`)
  await page.locator('#field-title').fill(title)
  await page.locator('#field-slug').fill(slug)
  expect((await fetch(`${e2e.siteUrl}/blog/${slug}`)).status).toBe(404)

  const saved = page.waitForResponse((r) => r.url().includes('/api/posts') && r.request().method() === 'POST' && r.status() === 201)
  await page.getByRole('button', { name: 'Publish changes' }).click()
  await saved
  await untilVisible(`${e2e.siteUrl}/blog/${slug}`, title)

  await page.goto(`${e2e.siteUrl}/blog/${slug}`)
  await expect(page.locator('h1')).toHaveText(title)
  await page.goto(`${e2e.siteUrl}/blog`)
  await expect(page.getByRole('link', { name: title })).toBeVisible()
})

test("a draft stays invisible to visitors but shows in the editor's preview", async ({ page, browser }) => {
  await signIn(page, e2e.editor)
  const slug = uniqueSlug('e2e-draft')
  const title = `Draft only ${slug}`

  await page.goto(`${e2e.cmsUrl}/admin/collections/posts/create`)
  await page.locator('#field-title').fill(title)
  await page.locator('#field-slug').fill(slug)
  const saved = page.waitForResponse((r) => r.url().includes('/api/posts') && r.request().method() === 'POST' && r.status() === 201)
  await page.getByRole('button', { name: 'Save Draft' }).click()
  await saved

  // A visitor: a fresh browser context with no cookies.
  const visitor = await browser.newContext()
  const visitorPage = await visitor.newPage()
  const response = await visitorPage.goto(`${e2e.siteUrl}/blog/${slug}`)
  expect(response?.status()).toBe(404)
  await expect(visitorPage.locator('body')).not.toContainText(title)
  expect(await (await fetch(`${e2e.cmsUrl}/api/posts?where[slug][equals]=${slug}&draft=true`)).json()).toMatchObject({ totalDocs: 0 })
  await visitor.close()

  // The editor follows the admin's Preview button to the site.
  const popup = page.waitForEvent('popup')
  await page.locator('#preview-button').click()
  const preview = await popup
  await preview.waitForLoadState()
  expect(new URL(preview.url()).pathname).toBe(`/blog/${slug}`)
  await expect(preview.locator('h1')).toHaveText(title)

  // A forged or stale preview link shows nothing.
  const forged = await fetch(`${e2e.siteUrl}/preview?token=abc.def`, { redirect: 'manual' })
  expect(forged.status).toBe(403)
})

test('an anonymous REST create of a post is refused', async () => {
  const response = await fetch(`${e2e.cmsUrl}/api/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Anonymous', slug: 'anonymous', _status: 'published' }),
  })
  expect(response.status).toBe(403)
  expect(await response.json()).toEqual({ errors: [{ message: 'You are not allowed to perform this action.' }] })
})
