// Issue 11, item 6: an editor's redirect cannot send the brand's domain elsewhere (only an admin's
// "Allow off-site" can), and the paths the product owns (/account, /api, /preview, /go, /r, /media,
// in every locale) cannot be redirected at all, neither on save nor when the site applies a row.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Redirect, User } from '../../cms/payload-types'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
const users: Partial<Record<'editor' | 'admin', User>> = {}

const OWNED = 'This path belongs to the product (account pages, API, preview, /go and /r links, media) and cannot be redirected.'
const OFFSITE = 'Only an admin can send visitors to another site: ask one to tick "Allow off-site", or give a path on this site.'

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  for (const role of ['editor', 'admin'] as const) {
    const user = await payload.create({ collection: 'users', data: { email: `${role}@test.example`, password: 'a-Strong-passw0rd', role } })
    users[role] = { ...user, collection: 'users' }
  }
})
afterAll(async () => cleanup?.())

const create = (data: Pick<Redirect, 'from' | 'to' | 'allowOffsite'>, role: 'editor' | 'admin' = 'editor') =>
  payload.create({ collection: 'redirects', data: { status: '302', ...data }, overrideAccess: false, user: users[role] })

describe('redirects stay on the site unless an admin allows otherwise', () => {
  it.each([
    '/account/sign-in',
    '/account',
    '/en/account/sign-in',
    '/zh-CN/account/data',
    '/api/forms/1',
    '/preview/home',
    '/go/spring',
    '/r/ABCD1234',
    '/media/logo.png',
    '/en/go/spring',
  ])('refuses a redirect from %s', async (from) => {
    await expect(create({ from, to: '/elsewhere' }, 'admin')).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'from', message: OWNED }] },
    })
  })

  it('lets other paths that merely start alike be redirected', async () => {
    for (const from of ['/accounting', '/regions', '/gone', '/media-kit']) expect((await create({ from, to: '/new' })).from).toBe(from)
  })

  it('refuses an editor’s off-site target, even when the editor sends allowOffsite', async () => {
    await expect(create({ from: '/login', to: 'https://evil.example/account/sign-in' })).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'to', message: OFFSITE }] },
    })
    await expect(create({ from: '/login', to: 'https://evil.example/account/sign-in', allowOffsite: true })).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'to', message: OFFSITE }] },
    })
    // A full URL on the site itself is not off-site.
    expect((await create({ from: '/self', to: 'http://localhost:4321/new' })).to).toBe('http://localhost:4321/new')
  })

  it('an admin may allow an off-site target', async () => {
    const created = await create({ from: '/shop', to: 'https://shop.example/sale', allowOffsite: true }, 'admin')
    expect([created.to, created.allowOffsite]).toEqual(['https://shop.example/sale', true])
  })

  it('the site ignores rows saved before these rules: an owned path, or off-site without the flag', async () => {
    const client = (await import('../../cms/database')).requireSqliteClient(payload)
    const now = new Date().toISOString()
    for (const [from, to] of [
      ['/account/sign-in', '/phish'],
      ['/old-login', 'https://evil.example/login'],
    ] as const) {
      await client.execute({
        sql: 'INSERT INTO redirects ("from", "to", status, updated_at, created_at) VALUES (?, ?, ?, ?, ?)',
        args: [from, to, '302', now, now],
      })
    }
    await payload.updateGlobal({ slug: 'content-version', data: { stamp: `test-${Date.now()}` } })
    const { redirectAnswer } = await import('../../site/lib/redirects')
    const stamp = `after-${Date.now()}`
    expect(await redirectAnswer('/account/sign-in', '', stamp)).toBeNull()
    expect(await redirectAnswer('/old-login', '', stamp)).toBeNull()
    expect(await redirectAnswer('/shop', '', stamp)).toEqual({ status: 302, location: 'https://shop.example/sale' })
  })
})
