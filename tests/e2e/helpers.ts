import { expect, type Page } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { until } from './product'

/** Signs in to the CMS admin as `who`. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${e2e.cmsUrl}/admin/login`)
  await page.locator('#field-email').fill(who.email)
  await page.locator('#field-password').fill(who.password)
  await page.locator('button[type="submit"]').click()
  await expect(page).toHaveURL(new RegExp(`${e2e.cmsUrl}/admin/?$`))
}

/**
 * Resolves once `url` answers 200 with `text` in its HTML. How soon is a figure for `bench/editing.ts`;
 * a test only waits for it, generously, so a slow machine is no failure.
 */
export async function untilVisible(url: string, text: string, timeoutMs = 15_000): Promise<void> {
  await until(
    `${url} to show "${text}"`,
    async () => {
      const response = await fetch(url)
      return response.status === 200 && (await response.text()).includes(text)
    },
    timeoutMs,
  )
}

/**
 * Moves the render time every lead form on the page carries (its `_t` field) `ms` into the past:
 * the visitor took that long to fill it in, without the test sleeping through the form's minimum
 * time. The too-fast rule itself is tested in functions/lead-intake/spam.test.ts and intake.test.ts.
 */
export async function backdateForms(page: Page, ms = 60_000): Promise<void> {
  const changed = await page.locator('form.lead-form input[name="_t"]').evaluateAll((inputs, by) => {
    for (const input of inputs as HTMLInputElement[]) input.value = String(Number(input.value) - by)
    return inputs.length
  }, ms)
  expect(changed, 'lead forms on the page').toBeGreaterThan(0)
}

/** A slug no earlier run used, so tests can run against the same database twice. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}`
}
