import { readFileSync } from 'node:fs'
import path from 'node:path'

import { type APIRequestContext, expect, test } from '@playwright/test'

import { signUnsubscribeToken } from '../../functions/members/consent-log'
import { e2e } from '../../playwright.config'
import { adminApi, codeFromOutbox, lastOutboxId } from './account-helpers'
import { uniqueSlug } from './helpers'

test.describe.configure({ mode: 'serial' })

const site = (path: string) => `${e2e.siteUrl}${path}`
const json = { origin: e2e.siteUrl, 'content-type': 'application/json' }

/** A member signed up and verified through the site's own endpoints; their session cookie. */
async function member(
  request: APIRequestContext,
  api: Awaited<ReturnType<typeof adminApi>>,
  email: string,
): Promise<{ cookie: string; id: number }> {
  const before = await lastOutboxId(api)
  const signUp = await request.post(site('/en/account/sign-up'), {
    headers: json,
    data: { email, password: 'Lantern-garden 42', name: 'Sec' },
  })
  expect(signUp.status()).toBe(201)
  const cookie = signUp.headers()['set-cookie']!.split(';')[0]!
  const verified = await request.post(site('/en/account/verify'), {
    headers: { ...json, cookie },
    data: { code: await codeFromOutbox(api, email, 'Confirm your email', before) },
  })
  expect(verified.status()).toBe(200)
  const { docs } = await api.get(`/api/members?where[email][equals]=${encodeURIComponent(email)}&depth=0`)
  return { cookie, id: docs[0].id }
}

let a: { cookie: string; id: number }
let b: { cookie: string; id: number }
let bLead: number

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext()
  const api = await adminApi(request)
  a = await member(request, api, `${uniqueSlug('sec-a')}@example.com`)
  b = await member(request, api, `${uniqueSlug('sec-b')}@example.com`)
  bLead = (await api.get(`/api/members/${b.id}?depth=0`)).lead
  await request.dispose()
})

test('a member’s session is refused by the CMS: as a cookie, as a JWT or Bearer header, on the REST API and the admin', async ({
  playwright,
}) => {
  const token = a.cookie.split('=')[1]!
  const cms = await playwright.request.newContext({ baseURL: e2e.cmsUrl })
  for (const headers of [
    { cookie: a.cookie },
    { cookie: `cms-token=${token}` },
    { cookie: `payload-token=${token}` },
    { authorization: `JWT ${token}` },
    { authorization: `Bearer ${token}` },
  ] as Record<string, string>[]) {
    const me = await cms.get('/api/users/me', { headers: { ...headers, origin: e2e.cmsUrl } })
    expect(me.status()).toBe(200)
    expect((await me.json()).user).toBeNull()
    const created = await cms.post('/api/pages', {
      headers: { ...headers, origin: e2e.cmsUrl },
      data: { title: 'Member page', path: uniqueSlug('member-page') },
    })
    expect(created.status(), JSON.stringify(headers)).toBe(403)
    // The admin answers as it answers anyone signed out: it sends them to its login.
    const admin = await cms.get('/admin', { headers, maxRedirects: 0 })
    const anonymous = await cms.get('/admin', { maxRedirects: 0 })
    expect(admin.status()).toBe(anonymous.status())
    expect(`${admin.headers().location ?? ''} ${await admin.text()}`).toContain('/admin/login')
  }
  await cms.dispose()
})

test(
  'member A cannot read or change B’s profile, submissions, points or sessions through the CMS REST API, ' + 'with A’s cookie or none',
  async ({ playwright }) => {
    const cms = await playwright.request.newContext({ baseURL: e2e.cmsUrl })
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/members/${b.id}`],
      ['GET', `/api/members?where[id][equals]=${b.id}`],
      ['PATCH', `/api/members/${b.id}`, { name: 'Changed' }],
      ['DELETE', `/api/members/${b.id}`],
      ['GET', `/api/member-sessions?where[member][equals]=${b.id}`],
      ['PATCH', `/api/member-sessions?where[member][equals]=${b.id}`, { revokedAt: new Date().toISOString() }],
      ['GET', `/api/points-ledger?where[member][equals]=${b.id}`],
      ['POST', '/api/points-ledger', { member: a.id, points: 1000 }],
      ['GET', `/api/leads/${bLead}`],
      ['GET', `/api/submissions?where[lead][equals]=${bLead}`],
      ['GET', `/api/consent-log?where[member][equals]=${b.id}`],
      ['GET', `/api/member-codes`],
      ['GET', `/api/audit-log`],
    ]
    for (const cookie of [a.cookie, '']) {
      for (const [method, path, data] of routes) {
        const res = await cms.fetch(path, { method, data, headers: { origin: e2e.cmsUrl, ...(cookie ? { cookie } : {}) } })
        expect(res.status(), `${method} ${path}`).toBe(403)
      }
    }
    await cms.dispose()
    // And B's data is as it was.
    const request = await playwright.request.newContext()
    const api = await adminApi(request)
    expect((await api.get(`/api/members/${b.id}?depth=0`)).name).toBe('Sec')
    await request.dispose()
  },
)

test('a cross-origin POST to an account endpoint gets 403, as JSON and as a form', async ({ request }) => {
  const evil = { origin: 'https://evil.example', cookie: a.cookie }
  const viaJson = await request.post(site('/en/account/profile'), {
    headers: { ...evil, 'content-type': 'application/json' },
    data: { name: 'CSRF' },
  })
  expect(viaJson.status()).toBe(403)
  expect(await viaJson.json()).toEqual({
    error: { code: 'cross-origin', message: 'This request came from another site and was refused. Reload the page and try again.' },
  })
  const viaForm = await request.post(site('/en/account/data/delete'), { headers: evil, form: { password: 'Lantern-garden 42' } })
  expect(viaForm.status()).toBe(403)
  expect((await request.get(site('/en/account'), { headers: { cookie: a.cookie }, maxRedirects: 0 })).status()).toBe(200)
})

test('account pages are private: no-store, never from the page cache', async ({ request }) => {
  const first = await request.get(site('/en/account/profile'), { headers: { cookie: a.cookie } })
  expect(first.headers()['cache-control']).toBe('private, no-store')
  const body = await first.text()
  const other = await request.get(site('/en/account/profile'), { headers: { cookie: b.cookie } })
  expect(await other.text()).not.toBe(body)
  const signedOut = await request.get(site('/en/account/profile'), { maxRedirects: 0 })
  expect([signedOut.status(), signedOut.headers().location, signedOut.headers()['cache-control']]).toEqual([
    303,
    '/en/account/sign-in?next=%2Fen%2Faccount%2Fprofile',
    'private, no-store',
  ])
})

test('bad input over HTTP gets the exact 4xx', async ({ request }) => {
  const cases: [string, { headers?: Record<string, string>; data?: unknown }, number, unknown][] = [
    [
      '/en/account/sign-in',
      { headers: json, data: {} },
      422,
      {
        error: {
          code: 'invalid-fields',
          message: 'Some fields need attention.',
          fields: { email: 'Enter a valid email address.', password: 'Enter your current password.' },
        },
      },
    ],
    [
      '/en/account/sign-up',
      { headers: json, data: '{"email":' },
      400,
      { error: { code: 'malformed', message: 'The request could not be read: send the fields as form data or JSON.' } },
    ],
    [
      '/en/account/sign-up',
      { headers: json, data: { email: 'x@example.com', password: 'x'.repeat(20_000) } },
      413,
      { error: { code: 'too-large', message: 'The request is too large.' } },
    ],
    [
      '/en/account/profile',
      { headers: json, data: { name: 'x' } },
      401,
      { error: { code: 'signed-out', message: 'Sign in to continue.' } },
    ],
    ['/account/profile', { headers: json, data: { name: 'x' } }, 401, { error: { code: 'signed-out', message: '请先登录。' } }],
  ]
  for (const [path, init, status, body] of cases) {
    const res = await request.post(site(path), init)
    expect(res.status(), path).toBe(status)
    expect(await res.json()).toEqual(body)
  }
})

test('a one-click unsubscribe link works signed out: GET only asks, the button does it, and the consent log says so', async ({
  page,
  request,
}) => {
  // The servers' secret (generated into the data folder, as on a new install): what signs the links in emails.
  const secret = readFileSync(path.join(e2e.dataDir, '.secret'), 'utf8').trim()
  const api = await adminApi(request)
  const token = signUnsubscribeToken({ memberId: String(a.id), topic: 'newsletter' }, secret)
  await request.post(site('/en/account/subscriptions'), { headers: { ...json, cookie: a.cookie }, data: { newsletter: 'on' } })
  const log = async () =>
    (await api.get(`/api/consent-log?where[member][equals]=${a.id}&sort=at&depth=0`)).docs.map(
      (d: { subscribed: boolean; source: string }) => [d.subscribed, d.source],
    )
  expect(await log()).toEqual([[true, 'account-page']])

  // A mail scanner following the link changes nothing.
  const scanned = await request.get(site(`/en/account/unsubscribe?token=${token}`))
  expect(scanned.status()).toBe(200)
  expect(await log()).toEqual([[true, 'account-page']])
  await page.goto(site(`/en/account/unsubscribe?token=${token}`))
  await expect(page.getByText('Unsubscribe from “the newsletter”?')).toBeVisible()
  await page.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(page.getByRole('status')).toHaveText('You are unsubscribed.')
  expect(await log()).toEqual([
    [true, 'account-page'],
    [false, 'email-link'],
  ])

  const forged = await page.goto(site(`/en/account/unsubscribe?token=${token.slice(0, -3)}abc`))
  expect(forged?.status()).toBe(400)
  await expect(page.getByRole('alert')).toHaveText('This link is not valid or has expired.')
})
