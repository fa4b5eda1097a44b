import { expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { backdateForms, uniqueSlug } from './helpers'

// The seeded content offer (/campaigns/white-paper): the thank-you shows the download link at once,
// with JavaScript and without, and the link gives the PDF; the PDF has no public address.
async function fillOffer(page: import('@playwright/test').Page, email: string) {
  await page.goto(`${e2e.siteUrl}/en/campaigns/white-paper`)
  await backdateForms(page)
  await page.locator('[name="name"]').fill('Paper Reader')
  await page.locator('[name="email"]').fill(email)
  await page.locator('[name="consent"]').check()
  await page.getByRole('button', { name: 'Get the white paper' }).click()
}

async function expectPdfAt(request: import('@playwright/test').APIRequestContext, href: string) {
  const response = await request.get(new URL(href, e2e.siteUrl).href)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/pdf')
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="own-where-customers-land\.pdf"/)
  expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
}

test('the white paper form shows its download link at once, with and without JavaScript, and the link gives the PDF', async ({
  page,
  browser,
}) => {
  await fillOffer(page, `${uniqueSlug('script')}@example.com`)
  const link = page.locator('.success a[data-download]')
  await expect(link).toHaveText('Download the PDF')
  await expectPdfAt(page.request, (await link.getAttribute('href'))!)

  const plain = await browser.newContext({ javaScriptEnabled: false })
  const tab = await plain.newPage()
  await fillOffer(tab, `${uniqueSlug('plain')}@example.com`)
  await expect(tab.locator('.success')).toContainText('The download link is in your inbox too')
  const href = (await tab.locator('.success a[data-download]').getAttribute('href'))!
  expect(href).toMatch(/^\/download\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  await expectPdfAt(tab.request, href)
  expect((await tab.request.get(`${e2e.siteUrl}/media/own-where-customers-land.pdf`)).status()).toBe(404)
  expect((await tab.request.get(`${e2e.cmsUrl}/api/media/file/own-where-customers-land.pdf`)).status()).toBe(403)
  const forged = await tab.request.get(`${e2e.siteUrl}${href.slice(0, -3)}abc`)
  expect(forged.status()).toBe(404)
  await plain.close()
})
