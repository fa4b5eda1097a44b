import { type APIRequestContext, expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { backdateForms, signIn, uniqueSlug } from './helpers'
import { until } from './product'

// Headless Chromium says so in its user agent and is rightly taken for a bot (no page views):
// this reader uses a phone's browser string.
const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'

const cms = (request: APIRequestContext, path: string, init: { method?: string; data?: unknown } = {}) =>
  request.fetch(`${e2e.cmsUrl}${path}`, { method: init.method ?? 'GET', data: init.data, headers: { origin: e2e.cmsUrl } })

test('a reader of two brand-strategy articles who sends the contact form scores 20, with both reasons on the lead', async ({
  page,
  browser,
}) => {
  await signIn(page, e2e.admin)
  const find = async (collection: string, query: string) =>
    (await (await cms(page.request, `/api/${collection}?${query}&depth=0`)).json()).docs[0]
  const category = await find('categories', 'where[slug][equals]=brand-strategy')
  const contact = await find('forms', 'where[name][like]=Contact&locale=en')
  const rules: number[] = []
  for (const data of [
    { name: 'Contact form', event: 'form-submitted', form: contact.id, points: 10 },
    { name: 'Reads brand strategy', event: 'page-view', category: category.id, points: 5 },
  ]) {
    const created = await cms(page.request, '/api/scoring-rules', { method: 'POST', data })
    expect(created.status()).toBe(201)
    rules.push((await created.json()).doc.id)
  }
  try {
    const reader = await browser.newContext({ userAgent: PHONE })
    const tab = await reader.newPage()
    await tab.goto(`${e2e.siteUrl}/en/blog/brand-value-in-numbers`)
    await tab.goto(`${e2e.siteUrl}/en/blog/positioning-one-sentence`)
    await tab.goto(`${e2e.siteUrl}/en/contact`)
    const email = `${uniqueSlug('reader')}@example.com`
    await tab.locator('[name="name"]').fill('Warm Reader')
    await tab.locator('[name="email"]').fill(email)
    await tab.locator('[name="consent"]').check()
    // The contact form refuses submissions faster than a person types: its render time goes back instead of waiting.
    await backdateForms(tab)
    await tab.getByRole('button', { name: 'Send' }).click()
    await expect(tab.getByRole('status')).toHaveText('Thank you! We will get back to you within one working day.')
    await reader.close()

    // The jobs worker scores the new activity within a second or two.
    let lead: { id: number; score: number } | undefined
    await until(
      'the lead to be scored 20',
      async () => {
        lead = await find('leads', `where[email][equals]=${encodeURIComponent(email)}`)
        return lead?.score === 20
      },
      20_000,
    )
    const changes = (await (await cms(page.request, `/api/score-changes?where[lead][equals]=${lead!.id}&sort=id&depth=0`)).json()).docs as {
      points: number
      reason: string
    }[]
    expect(changes.map((c) => [c.points, c.reason]).sort()).toEqual(
      [
        [10, `Contact form (+10): submitted form ${contact.id}`],
        [5, 'Reads brand strategy (+5): read /en/blog/brand-value-in-numbers (brand-strategy)'],
        [5, 'Reads brand strategy (+5): read /en/blog/positioning-one-sentence (brand-strategy)'],
      ].sort(),
    )
    // The lead's timeline in the admin shows the page views.
    await page.goto(`${e2e.cmsUrl}/admin/collections/leads/${lead!.id}`)
    // The admin's first view after a start compiles its client code: a condition with room, not a sleep.
    await expect(page.getByText('/en/blog/positioning-one-sentence').first()).toBeVisible({ timeout: 30_000 })
  } finally {
    for (const id of rules) await cms(page.request, `/api/scoring-rules/${id}`, { method: 'DELETE' })
  }
})
