// Issue 13: the Deploying setup (deploy/Caddyfile) on this machine, with Caddy's own CA instead of a
// public one: the site and the CMS over HTTPS on local ports, HSTS, Secure cookies, a lead sent.
import { expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { freePort } from './product'
import { type Running, startCaddy, startSite } from './production'

const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'

let site: Running & { port: number }
let caddy: Running
let cmsUrl: string

test.beforeAll(async () => {
  test.setTimeout(120_000)
  const [sitePort, cmsPort] = [await freePort(), await freePort()]
  site = await startSite({ TRUST_PROXY: 'loopback', SITE_URL: `https://localhost:${sitePort}` })
  caddy = await startCaddy({ sitePort, cmsPort, site: `127.0.0.1:${site.port}`, cms: e2e.cmsUrl.replace('http://', '') })
  cmsUrl = `https://localhost:${cmsPort}`
})

test.afterAll(async () => {
  await caddy?.stop()
  await site?.stop()
})

test('over HTTPS behind Caddy: HSTS, Secure cookies, the admin reachable, a lead sent without JavaScript', async ({ browser }) => {
  // A phone's browser: headless Chromium names itself and is treated as a bot (no visitor cookie).
  const context = await browser.newContext({ ignoreHTTPSErrors: true, javaScriptEnabled: false, userAgent: PHONE })
  const page = await context.newPage()
  const response = await page.goto(`${caddy.url}/en/contact`)
  expect(response!.status()).toBe(200)
  expect(response!.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains')
  const visitor = (await context.cookies()).find((c) => c.name === 'bs_visitor')
  expect(visitor).toMatchObject({ secure: true, httpOnly: true })

  // Without JavaScript the form posts as a browser form: the Origin is https, as the site sees its own URL.
  const name = `Caddy ${Date.now().toString(36)}`
  const form = page.locator('form.lead-form').first()
  await form.locator('[name="name"]').fill(name)
  await form.locator('[name="email"]').fill(`${name.replace(/\W+/g, '-').toLowerCase()}@example.com`)
  await form.locator('[name="consent"]').check()
  await form.getByRole('button', { name: 'Send' }).click()
  await expect(page).toHaveURL(/\?submitted=/)
  expect(page.url().startsWith(`${caddy.url}/`)).toBe(true)

  await context.close()

  const editor = await browser.newContext({ ignoreHTTPSErrors: true })
  const adminPage = await editor.newPage()
  const admin = await adminPage.goto(`${cmsUrl}/admin/login`)
  expect(admin!.status()).toBe(200)
  await expect(adminPage.locator('#field-email')).toBeVisible()
  await editor.close()
})
