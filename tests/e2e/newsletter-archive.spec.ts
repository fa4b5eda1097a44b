import { type APIRequestContext, expect, test } from '@playwright/test'

import { e2e } from '../../playwright.config'
import { until } from './product'
import { html, MARKERS, siteSettings, untilTheme } from './themes-helpers'

// The newsletter archive served by the built site: a broadcast made through REST, sent by the jobs
// worker, listed and shown in both themes; anything unsent is a 404; the sign-up box answers bad
// input with 422 and a message per field. The data behind it is tested in tests/integration/newsletter-*.

let request: APIRequestContext
let settings: Awaited<ReturnType<typeof siteSettings>>
let sent: string
let draft: string

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ playwright }) => {
  request = await playwright.request.newContext()
  settings = await siteSettings(request)
  const login = await request.post(`${e2e.cmsUrl}/api/users/login`, { data: e2e.admin })
  const headers = { authorization: `JWT ${((await login.json()) as { token: string }).token}` }
  const segments = (await (await request.get(`${e2e.cmsUrl}/api/segments?where[slug][equals]=newsletter`, { headers })).json()) as {
    docs: { id: number }[]
  }
  const make = async (data: Record<string, unknown>) => {
    const response = await request.post(`${e2e.cmsUrl}/api/broadcasts?locale=en`, {
      headers,
      data: { segment: segments.docs[0]!.id, body: paragraph('Hello {name|reader}, the archive works.'), ...data },
    })
    expect(response.status()).toBe(201)
    return String(((await response.json()) as { doc: { id: number } }).doc.id)
  }
  sent = await make({ subject: 'Archive issue one', status: 'scheduled', public: true })
  draft = await make({ subject: 'Archive draft', status: 'draft', public: true })
  // This run's broadcast by its id: a retry makes a new one while the first attempt's is listed already.
  await until(
    'the broadcast to be sent and listed',
    async () => (await html('/en/newsletter')).body.includes(`href="/en/newsletter/${sent}"`),
    30_000,
  )
})

test.afterAll(async () => {
  if (settings) await settings.save({ theme: settings.original.theme })
  await request?.dispose()
})

function paragraph(text: string) {
  const children = [{ type: 'paragraph', version: 1, children: [{ type: 'text', text, format: 0, version: 1 }] }]
  return { root: { type: 'root', direction: null, format: '', indent: 0, version: 1, children } }
}

for (const theme of ['classic', 'editorial'] as const) {
  test(`the archive, a web version and the 404s in the ${theme} theme`, async () => {
    await settings.save({ theme })
    await untilTheme(theme)
    // Each site process learns of the switch on its own: the archive, too, is asked until it answers in the theme.
    await until(`the archive in the ${theme} theme`, async () => MARKERS[theme].test((await html('/en/newsletter')).body), 30_000)
    const list = await html('/en/newsletter')
    expect(list.status).toBe(200)
    expect(list.body).toMatch(MARKERS[theme])
    expect(list.body).toContain(`href="/en/newsletter/${sent}"`)
    expect(list.body).not.toContain('Archive draft')
    expect(list.body).toContain('data-newsletter-signup')
    const issue = await html(`/en/newsletter/${sent}`)
    expect(issue.status).toBe(200)
    expect(issue.body).toContain('<p>Hello reader, the archive works.</p>')
    expect(issue.body).not.toMatch(/unsubscribe\?token|\/l\//)
    expect((await html(`/newsletter/${sent}`)).status).toBe(200)
    for (const path of [`/en/newsletter/${draft}`, '/en/newsletter/999999', '/zh-cn/newsletter', '/fr/newsletter'])
      expect((await html(path)).status, path).toBe(404)
    const feed = await fetch(`${e2e.siteUrl}/en/newsletter/rss.xml`)
    expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(await feed.text()).toContain(`/en/newsletter/${sent}</link>`)
  })
}

test('the sign-up box answers bad input with 422 and a message beside each field', async () => {
  const response = await fetch(`${e2e.siteUrl}/en/newsletter`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: e2e.siteUrl },
    body: 'email=nope',
  })
  expect(response.status).toBe(422)
  const body = await response.text()
  expect(body).toMatch(/data-error="email"[^>]*>Enter a valid email address\.</)
  expect(body).toMatch(/data-error="consent"[^>]*>Tick the box to agree to receive the newsletter\.</)
  const ok = await fetch(`${e2e.siteUrl}/en/newsletter`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: e2e.siteUrl },
    body: 'email=visitor%40people.example&consent=on',
  })
  expect(ok.status).toBe(200)
  expect(await ok.text()).toContain('data-signup-sent')
})
