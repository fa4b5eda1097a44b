import { expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { adminApi } from './account-helpers'

/** A mainland number of its own for each run (the database is fresh, but runs may repeat against one). */
const national = `158${String(Date.now()).slice(-8)}`
const e164 = `+86${national}`

test('a visitor opens an account with a phone number and the texted code (read from the Outbox without SMS credentials)', async ({
  page,
  request,
}) => {
  const api = await adminApi(request)
  await page.goto(`${e2e.siteUrl}/en/account/sign-in`)
  await page.getByRole('link', { name: 'Sign in with a text code' }).first().click()
  await expect(page).toHaveURL(`${e2e.siteUrl}/en/account/sign-in/phone`)
  await expect(page.locator('h1')).toHaveText('Sign in with your phone')

  // A number that cannot be a mainland mobile comes back with its message beside the field.
  await page.getByLabel('Mobile number').fill('12345')
  await page.getByRole('button', { name: 'Send me a code' }).click()
  await expect(page.locator('[data-field="phone"] .error')).toHaveText(
    'Enter a valid mobile number (11 digits starting with 1 for mainland China).',
  )

  await page.getByLabel('Mobile number').fill(`${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`)
  await page.getByRole('button', { name: 'Send me a code' }).click()
  await expect(page.getByRole('status')).toHaveText('We texted you a code (it works for 10 minutes).')

  let code: string | undefined
  await expect
    .poll(
      async () => {
        const { docs } = await api.get(
          `/api/outbox?where[kind][equals]=sms&where[to][equals]=${encodeURIComponent(e164)}&sort=-id&limit=1&depth=0`,
        )
        code = String(docs[0]?.text ?? '').match(/\b(\d{6})\b/)?.[1]
        return code ?? null
      },
      { timeout: 15_000 },
    )
    .not.toBeNull()
  await page.getByLabel('Code from the text').fill(code!)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(`${e2e.siteUrl}/en/account`)
  await expect(page.locator('h1')).toHaveText('My account')

  const { docs } = await api.get(`/api/member-identities?where[key][equals]=${encodeURIComponent(`phone:${e164}`)}&depth=0`)
  expect(docs).toHaveLength(1)
  // The member's secrets and other identities are not readable by a visitor over REST.
  expect((await request.get(`${e2e.cmsUrl}/api/member-identities`)).status()).toBe(403)
})
