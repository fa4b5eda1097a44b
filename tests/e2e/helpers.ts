import { expect, type Page } from '@playwright/test'

import { e2e } from '../../playwright.config'

/** Signs in to the CMS admin as `who`. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${e2e.cmsUrl}/admin/login`)
  await page.locator('#field-email').fill(who.email)
  await page.locator('#field-password').fill(who.password)
  await page.locator('button[type="submit"]').click()
  await expect(page).toHaveURL(new RegExp(`${e2e.cmsUrl}/admin/?$`))
}

/** Polls `url` until its HTML contains `text`; returns the milliseconds that took. */
export async function msUntilVisible(url: string, text: string, timeoutMs = 10_000): Promise<number> {
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    const response = await fetch(url)
    if (response.status === 200 && (await response.text()).includes(text)) return Date.now() - start
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${url} did not show "${text}" within ${timeoutMs} ms`)
}

/** A slug no earlier run used, so tests can run against the same database twice. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}`
}
