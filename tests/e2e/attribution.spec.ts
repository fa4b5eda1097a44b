import { type APIRequestContext, expect, test } from '@playwright/test'
import jsQR from 'jsqr'
import sharp from 'sharp'

import { e2e } from '../../playwright.config'
import { backdateForms, signIn, uniqueSlug } from './helpers'

// Headless Chromium says so in its user agent and is rightly taken for a bot (no touches, no
// clicks): these visitors use a phone's browser string.
const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'
test.use({ userAgent: PHONE })

const cms = (request: APIRequestContext, path: string, init: { method?: string; data?: unknown } = {}) =>
  request.fetch(`${e2e.cmsUrl}${path}`, { method: init.method ?? 'GET', data: init.data, headers: { origin: e2e.cmsUrl } })

test('a visitor from WeChat Moments comes back through a LinkedIn campaign link and submits: the lead shows both touches', async ({
  page,
  browser,
}) => {
  // First arrival: a WeChat Moments share of the home page.
  await page.goto(`${e2e.siteUrl}/?from=timeline`)
  const visitor = (await page.context().cookies()).find((c) => c.name === 'bs_visitor')
  expect(visitor).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })

  // Later: the LinkedIn post's campaign link, which lands on the campaign page with its UTM tags.
  await page.goto(`${e2e.siteUrl}/go/li-launch`)
  expect(page.url()).toBe(`${e2e.siteUrl}/campaigns/spring-launch?utm_source=linkedin&utm_medium=social&utm_campaign=spring-launch`)
  // Browsing inside the site is no touch; the form is on the contact page.
  await page.goto(`${e2e.siteUrl}/en/contact`)
  const email = `${uniqueSlug('journey')}@example.com`
  await page.locator('[name="name"]').fill('Journey Visitor')
  await page.locator('[name="email"]').fill(email)
  await page.locator('[name="consent"]').check()
  await backdateForms(page) // a person takes longer than the form's minimum time
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('status')).toHaveText('Thank you! We will get back to you within one working day.')

  const admin = await browser.newContext({ userAgent: PHONE })
  const sales = await admin.newPage()
  await signIn(sales, e2e.sales)
  const leads = await (
    await cms(sales.request, `/api/leads?where[email][equals]=${encodeURIComponent(email)}&depth=0&joins[touches][limit]=10`)
  ).json()
  const lead = leads.docs[0]
  expect(lead.firstTouch).toMatchObject({ channel: 'wechat', medium: 'moments', landingPage: '/' })
  expect(lead.lastTouch).toMatchObject({
    channel: 'linkedin',
    source: 'linkedin',
    campaign: 'spring-launch',
    campaignLink: 'li-launch',
    landingPage: '/go/li-launch',
  })
  // The whole timeline: both touches, and nothing for browsing.
  expect(lead.touches.docs.length).toBe(2)
  const touches = await (await cms(sales.request, `/api/touches?where[lead][equals]=${lead.id}&sort=at&depth=0`)).json()
  expect(touches.docs.map((t: { channel: string; campaignLink: string | null }) => [t.channel, t.campaignLink])).toEqual([
    ['wechat', null],
    ['linkedin', 'li-launch'],
  ])
  // In the admin, on the lead.
  await sales.goto(`${e2e.cmsUrl}/admin/collections/leads/${lead.id}`)
  await expect(sales.getByText('li-launch').first()).toBeVisible()
  await admin.close()
})

test('an editor changes a printed link’s target, and the next scan lands on the new page; its QR code downloads', async ({
  browser,
  request,
}) => {
  const admin = await browser.newContext()
  const editor = await admin.newPage()
  await signIn(editor, e2e.editor)
  const links = await (await cms(editor.request, '/api/campaign-links?where[code][equals]=poster&depth=0')).json()
  const link = links.docs[0]
  const about = (await (await cms(editor.request, '/api/pages?where[path][equals]=about&depth=0')).json()).docs[0]

  const before = await request.get(`${e2e.siteUrl}/go/poster`, { maxRedirects: 0, headers: { 'user-agent': PHONE } })
  expect(before.status()).toBe(302)
  expect(before.headers().location).toBe(
    `${e2e.siteUrl}/campaigns/spring-launch?utm_source=poster&utm_medium=qr&utm_campaign=spring-launch&utm_content=expo-2026`,
  )

  const changed = await cms(editor.request, `/api/campaign-links/${link.id}`, {
    method: 'PATCH',
    data: { target: { kind: 'page', page: about.id } },
  })
  expect(changed.status()).toBe(200)
  await expect
    .poll(
      async () => (await request.get(`${e2e.siteUrl}/go/poster`, { maxRedirects: 0, headers: { 'user-agent': PHONE } })).headers().location,
      { timeout: 5000 },
    )
    .toBe(`${e2e.siteUrl}/about?utm_source=poster&utm_medium=qr&utm_campaign=spring-launch&utm_content=expo-2026`)

  // The QR code in the admin, and its downloads.
  await editor.goto(`${e2e.cmsUrl}/admin/collections/campaign-links/${link.id}`)
  await expect(editor.getByAltText('QR code')).toBeVisible()
  await expect(editor.getByRole('link', { name: 'PNG 1024px' })).toHaveAttribute(
    'href',
    `/api/campaign-links/${link.id}/qr?format=png&size=1024&download=1`,
  )
  const png = await cms(editor.request, `/api/campaign-links/${link.id}/qr?format=png&size=512&download=1`)
  expect(png.status()).toBe(200)
  expect(png.headers()['content-type']).toBe('image/png')
  expect(png.headers()['content-disposition']).toBe('attachment; filename="qr-poster-512.png"')
  const bytes = await png.body()
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([512, 512])
  // Read back as a phone would, by jsQR (not the qrcode library that drew it): the printed link.
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  expect(jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data).toBe(
    `${e2e.siteUrl}/go/poster`,
  )
  const svg = await cms(editor.request, `/api/campaign-links/${link.id}/qr?format=svg`)
  expect(svg.headers()['content-type']).toBe('image/svg+xml')
  expect(await svg.text()).toContain('<g id="logo"')
  // Anonymous visitors get no QR codes from the CMS.
  expect((await request.get(`${e2e.cmsUrl}/api/campaign-links/${link.id}/qr?format=svg`)).status()).toBe(403)

  // Put it back for the other tests.
  await cms(editor.request, `/api/campaign-links/${link.id}`, { method: 'PATCH', data: { target: link.target } })
  await admin.close()
})

test('open-redirect attempts through /go/ get the themed 404, never a Location', async ({ request }) => {
  for (const path of [
    '/go/..',
    '/go/%2e%2e',
    '/go/%2F%2Fevil.example',
    '/go//evil.example',
    '/go/javascript:alert(1)',
    '/go/%5Cevil.example',
    '/go/unknown-code',
    '/go/poster/..%2F..%2Fevil',
  ]) {
    const response = await request.get(`${e2e.siteUrl}${path}`, { maxRedirects: 0, headers: { 'user-agent': PHONE } })
    if (response.status() === 404) {
      expect(response.headers().location, path).toBeUndefined()
      continue
    }
    // A path the URL parser normalises away from /go/ (/go/.. is /) is simply another page of the site.
    expect(response.headers().location ?? '', path).not.toMatch(/evil|javascript/)
    expect(new URL(response.url()).origin, path).toBe(e2e.siteUrl)
  }
  const unknown = await request.get(`${e2e.siteUrl}/go/unknown-code`, { maxRedirects: 0 })
  expect(unknown.status()).toBe(404)
  expect(await unknown.text()).toContain('<h1')
})

test('bots and link previews make no touches and no clicks', async ({ browser }) => {
  const admin = await browser.newContext()
  const sales = await admin.newPage()
  await signIn(sales, e2e.sales)
  const clicksOf = async () => {
    const rows = (await (await cms(sales.request, '/api/link-clicks?where[link][equals]=xhs-note&depth=0')).json()).docs as {
      count: number
    }[]
    return rows.reduce((sum, row) => sum + row.count, 0)
  }
  const before = await clicksOf()
  for (const ua of [
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
    'facebookexternalhit/1.1',
  ]) {
    const response = await sales.request.get(`${e2e.siteUrl}/go/xhs-note`, { maxRedirects: 0, headers: { 'user-agent': ua } })
    expect(response.status()).toBe(302)
    expect(response.headers()['set-cookie']).toBeUndefined()
  }
  await sales.request.head(`${e2e.siteUrl}/go/xhs-note`, { maxRedirects: 0, headers: { 'user-agent': PHONE } })
  await sales.request.get(`${e2e.siteUrl}/go/xhs-note`, { maxRedirects: 0, headers: { 'user-agent': PHONE } })
  await expect.poll(clicksOf, { timeout: 5000 }).toBe(before + 1)
  await admin.close()
})
