import { expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { backdateForms, signIn, uniqueSlug } from './helpers'

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('a visitor submits the contact form: errors beside the fields, input kept, then the thank-you', async ({ page, browser }) => {
    await page.goto(`${e2e.siteUrl}/en/contact`)
    const form = page.locator('form.lead-form')
    await form.locator('[name="email"]').fill('not-an-email')
    await form.locator('[name="company"]').fill('Acme <b>Ltd</b>')
    const refused = page.waitForResponse((r) => r.request().method() === 'POST')
    await form.getByRole('button', { name: 'Send' }).click()
    expect((await refused).status()).toBe(422)
    await expect(page.locator('[data-field="name"] .error')).toHaveText('This field is required.')
    await expect(page.locator('[data-field="email"] .error')).toHaveText('Enter a valid email address.')
    await expect(page.locator('[data-field="consent"] .error')).toHaveText('Tick the box to agree.')
    await expect(page.locator('[data-field="company"] .error')).toHaveCount(0)
    await expect(page.locator('[name="email"]')).toHaveValue('not-an-email')
    await expect(page.locator('[name="company"]')).toHaveValue('Acme <b>Ltd</b>')
    await expect(page.locator('[name="email"]')).toHaveAttribute('aria-invalid', 'true')

    const email = `${uniqueSlug('visitor')}@example.com`
    await page.locator('[name="name"]').fill('Ada Visitor')
    await page.locator('[name="email"]').fill(email)
    await page.locator('[name="consent"]').check()
    await backdateForms(page) // a person takes longer than the form's minimum time
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page).toHaveURL(/\/en\/contact\?submitted=\d+#form-\d+$/)
    await expect(page.getByRole('status')).toHaveText('Thank you! We will get back to you within one working day.')

    // Sales find the lead in the admin (which needs JavaScript: a context of its own).
    const admin = await browser.newContext({ javaScriptEnabled: true })
    const salesPage = await admin.newPage()
    await signIn(salesPage, e2e.sales)
    await salesPage.goto(`${e2e.cmsUrl}/admin/collections/leads`)
    await expect(salesPage.getByText(email)).toBeVisible()
    const leads = await (
      await salesPage.request.get(`${e2e.cmsUrl}/api/leads?where[email][equals]=${encodeURIComponent(email)}&depth=0`, {
        headers: { origin: e2e.cmsUrl },
      })
    ).json()
    expect(leads.docs.map((l: { name: string; status: string }) => [l.name, l.status])).toEqual([['Ada Visitor', 'new']])
    await admin.close()
  })
})

test('with JavaScript on, the form submits without a reload and shows the same messages inline', async ({ page }) => {
  await page.goto(`${e2e.siteUrl}/en/campaigns/spring-launch`)
  const posts: string[] = []
  page.on('request', (r) => r.method() === 'POST' && posts.push(new URL(r.url()).pathname))
  await page.locator('[name="email"]').fill('still-not-an-email')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page.locator('[data-field="email"] .error')).toHaveText('Enter a valid email address.')
  await expect(page.locator('[data-field="region"] .error')).toHaveText('This field is required.')
  await expect(page.locator('[data-field="email"] input')).toHaveAttribute('aria-invalid', 'true')
  expect(page.url()).toBe(`${e2e.siteUrl}/en/campaigns/spring-launch`)

  await page.locator('[name="name"]').fill('Script Visitor')
  await page.locator('[name="email"]').fill(`${uniqueSlug('js')}@example.com`)
  await page.locator('[name="region"]').selectOption('south')
  await page.locator('[name="consent"]').check()
  await backdateForms(page)
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page.getByRole('status')).toHaveText('You are signed up! A consultant will contact you within two working days.')
  await expect(page.locator('form.lead-form')).toHaveCount(0)
  expect(posts).toEqual(['/api/forms/2', '/api/forms/2'])
})

test('anonymous REST access to leads and submissions is refused', async () => {
  for (const collection of ['leads', 'submissions', 'outbox']) {
    const list = await fetch(`${e2e.cmsUrl}/api/${collection}`)
    expect(list.status, collection).toBe(403)
  }
})

test.describe('the submit endpoint', () => {
  const url = () => `${e2e.siteUrl}/api/forms/1?locale=en`
  const cases: [string, RequestInit, number, unknown][] = [
    [
      'missing fields',
      { headers: { 'content-type': 'application/json' }, body: '{}' },
      422,
      { errors: { name: 'This field is required.', email: 'This field is required.', consent: 'Tick the box to agree.' } },
    ],
    [
      'a malformed body',
      { headers: { 'content-type': 'application/json' }, body: '{"name":' },
      400,
      { message: 'The form could not be read. Reload the page and try again.' },
    ],
    [
      'a JSON array',
      { headers: { 'content-type': 'application/json' }, body: '[1]' },
      400,
      { message: 'The form could not be read. Reload the page and try again.' },
    ],
    [
      'a wrong content type',
      { headers: { 'content-type': 'application/xml' }, body: '<a/>' },
      415,
      { message: 'Send the form as application/x-www-form-urlencoded, multipart/form-data or application/json.' },
    ],
    [
      'a body over 64 KB',
      { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x'.repeat(70_000) }) },
      413,
      { message: 'The submission is too large.' },
    ],
    [
      'a wrong type',
      {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 5e300, email: { address: 'a@b.co' }, consent: true }),
      },
      422,
      { errors: { email: 'This value has the wrong type.' } },
    ],
  ]
  for (const [name, init, status, body] of cases) {
    test(`answers ${name} with ${status}`, async () => {
      const response = await fetch(url(), { method: 'POST', ...init })
      expect(response.status).toBe(status)
      expect(await response.json()).toEqual(body)
    })
  }

  test('answers an unknown form with 404', async () => {
    const response = await fetch(`${e2e.siteUrl}/api/forms/999999`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ message: 'This form does not exist.' })
  })
})

test('sales export leads as CSV with the list filters applied; anonymous visitors cannot', async ({ request }) => {
  const login = await request.post(`${e2e.cmsUrl}/api/users/login`, { data: e2e.sales })
  expect(login.status()).toBe(200)
  const headers = { origin: e2e.cmsUrl }
  const all = await request.get(`${e2e.cmsUrl}/api/leads/export.csv`, { headers })
  expect(all.status()).toBe(200)
  expect(all.headers()['content-type']).toBe('text/csv; charset=utf-8')
  const text = await all.text()
  expect(text.startsWith('\uFEFFid,email,phone,name,status,score,notes,firstTouch,lastTouch,createdAt\r\n')).toBe(true)
  expect(text).toContain('Ada Visitor')
  const filtered = await (await request.get(`${e2e.cmsUrl}/api/leads/export.csv?where[name][equals]=Script%20Visitor`, { headers })).text()
  expect(filtered.trim().split('\r\n')).toHaveLength(2)
  expect(filtered).toContain('Script Visitor')
  expect(filtered).not.toContain('Ada Visitor')
  expect((await fetch(`${e2e.cmsUrl}/api/leads/export.csv`)).status).toBe(403)
})
