import { readFileSync } from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { signIn, uniqueSlug } from './helpers'

// A campaign no other test uses, with known touches and a won lead stored today, written straight
// into the servers' database (touches have no API: the site records them itself).
const campaign = uniqueSlug('e2e-funnel')
const today = new Date().toISOString().slice(0, 10)
// From yesterday, so that touches stored half an hour ago count even just after midnight UTC.
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)

test.beforeAll(async () => {
  const db = createClient({ url: `file:${path.join(e2e.dataDir, 'site.db')}` })
  const now = Date.now()
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString()
  const touch = JSON.stringify({ channel: 'weibo', campaign, at: at(30) })
  // The servers write to the same file: wait for their write lock (set outside the batch, whose BEGIN needs it already).
  await db.execute('PRAGMA busy_timeout = 5000')
  await db.batch(
    [
      // Visitor A: Weibo then Xiaohongshu, both in the campaign; visitor B: Weibo only.
      {
        sql: 'INSERT INTO touches (visitor, at, channel, campaign) VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?)',
        args: [
          `${campaign}-a`,
          at(30),
          'weibo',
          campaign,
          `${campaign}-a`,
          at(20),
          'xiaohongshu',
          campaign,
          `${campaign}-b`,
          at(10),
          'weibo',
          campaign,
        ],
      },
      {
        sql: "INSERT INTO leads (email, status, first_touch, last_touch, updated_at, created_at) VALUES (?, 'won', ?, ?, ?, ?)",
        args: [`${campaign}@example.com`, touch, touch, at(5), at(5)],
      },
    ],
    'write',
  )
  db.close()
})

const rowOf = (page: import('@playwright/test').Page, name: string) =>
  page.getByTestId('funnel-table').locator('tbody tr', { has: page.locator('td', { hasText: name }) })

test('the funnel needs a CMS user: anonymous visitors go to the login and come back', async ({ page }) => {
  const funnel = `/admin/funnel?from=${yesterday}&to=${today}&group=campaign`
  await page.goto(`${e2e.cmsUrl}${funnel}`)
  await expect(page).toHaveURL((url) => url.pathname === '/admin/login' && url.searchParams.get('redirect') === funnel)
  await page.locator('#field-email').fill(e2e.editor.email)
  await page.locator('#field-password').fill(e2e.editor.password)
  await page.locator('button[type="submit"]').click()
  await expect(page).toHaveURL(`${e2e.cmsUrl}${funnel}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Channel funnel')
  await expect(rowOf(page, campaign).locator('td')).toHaveText([campaign, '2', '1', '0', '0', '1', '50.0%', '0.0%', '0.0%', '100.0%'])
})

test.describe('on a wide screen, where the admin shows its navigation open', () => {
  test.use({ viewport: { width: 1600, height: 1000 } })

  test('a sales user opens the funnel from the navigation, switches grouping and credit, and downloads the CSV', async ({ page }) => {
    await signIn(page, e2e.sales)
    await page.locator('#nav-funnel').click()
    await expect(page).toHaveURL(`${e2e.cmsUrl}/admin/funnel`)
    await expect(page.getByTestId('funnel-table')).toBeVisible()
    await expect(page.locator('figure svg title').first()).toHaveText('Channel funnel')

    await page.getByRole('link', { name: 'Campaign', exact: true }).click()
    await expect(page).toHaveURL(/group=campaign/)
    // First touch: visitor A came first by Weibo, B too; the lead's first touch is Weibo.
    await expect(rowOf(page, campaign).locator('td')).toHaveText([campaign, '2', '1', '0', '0', '1', '50.0%', '0.0%', '0.0%', '100.0%'])

    await page.getByRole('link', { name: 'Last touch' }).click()
    await expect(page).toHaveURL(/model=last/)
    await expect(page.getByRole('link', { name: 'Last touch' })).toHaveAttribute('aria-current', 'page')
    await expect(rowOf(page, campaign).locator('td')).toHaveText([campaign, '2', '1', '0', '0', '1', '50.0%', '0.0%', '0.0%', '100.0%'])

    await page.getByRole('link', { name: 'Channel', exact: true }).click()
    await expect(page).toHaveURL(/group=channel&model=last/)
    await expect(rowOf(page, 'Xiaohongshu').locator('td').nth(1)).not.toHaveText('0')

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Download CSV' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe(
      `funnel-channel-last-touch-${new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10)}-to-${today}.csv`,
    )
    const csv = readFileSync((await file.path())!, 'utf8')
    expect(
      csv.startsWith('\uFEFFchannel,name,visits,leads,added,members,won,visit_to_lead,lead_to_added,lead_to_member,lead_to_won\r\n'),
    ).toBe(true)
    expect(csv).toMatch(/\r\nxiaohongshu,Xiaohongshu,\d+,/)
  })
})

test('a bad date shows what is wrong above the default report', async ({ page }) => {
  await signIn(page, e2e.admin)
  await page.goto(`${e2e.cmsUrl}/admin/funnel?from=2026-02-30`)
  await expect(page.locator('p[role="alert"]')).toHaveText('from must be a date written YYYY-MM-DD, e.g. 2026-03-01.')
  await expect(page.getByTestId('funnel-table')).toBeVisible()
})

test('the CSV refuses anonymous requests', async () => {
  const response = await fetch(`${e2e.cmsUrl}/api/funnel.csv`)
  expect(response.status).toBe(403)
  expect(await response.json()).toEqual({ errors: [{ message: 'You are not allowed to perform this action.' }] })
})

test('a visitor who lands with UTM tags is counted in the funnel once the site has stored the touch', async ({ page, browser }) => {
  // Headless Chromium's own user agent is taken for a bot (no touches): this visitor uses a phone's.
  const phone = await browser.newContext({
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  })
  const arrival = uniqueSlug('e2e-arrival')
  await (await phone.newPage()).goto(`${e2e.siteUrl}/?utm_source=weibo&utm_medium=social&utm_campaign=${arrival}`)
  await phone.close()
  await signIn(page, e2e.editor)
  // The site writes touches in batches off the request: poll the export until this one is in.
  const csv = async () =>
    (
      await page.request.get(`${e2e.cmsUrl}/api/funnel.csv?from=${yesterday}&to=${today}&group=campaign&model=first`, {
        headers: { origin: e2e.cmsUrl },
      })
    ).text()
  await expect
    .poll(async () => (await csv()).split('\r\n').find((line) => line.startsWith(`${arrival},`)), { timeout: 10_000 })
    .toBe(`${arrival},${arrival},1,0,0,0,0,0,,,`)
})
