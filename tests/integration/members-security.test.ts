import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { harness, SITE } from './members-harness'
import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let h: ReturnType<typeof harness>
let a: { cookie: string; member: { id: number | string } }
let b: { cookie: string; member: { id: number | string } }

const EN = {
  malformed: { error: { code: 'malformed', message: 'The request could not be read: send the fields as form data or JSON.' } },
  signedOut: { error: { code: 'signed-out', message: 'Sign in to continue.' } },
  crossOrigin: {
    error: { code: 'cross-origin', message: 'This request came from another site and was refused. Reload the page and try again.' },
  },
  tooLarge: { error: { code: 'too-large', message: 'The request is too large.' } },
  fields: (fields: Record<string, string>) => ({ error: { code: 'invalid-fields', message: 'Some fields need attention.', fields } }),
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  h = harness(payload)
  await payload.create({ collection: 'topics', locale: 'en', data: { name: 'Retail', slug: 'retail' } })
  await payload.create({ collection: 'rewards', locale: 'en', data: { name: 'Tea set', cost: 50, active: true } })
  a = await h.signUp('a@example.com', 'Lantern-garden 42', { ip: '198.51.100.1' })
  b = await h.signUp('b@example.com', 'Harbour-lights 77', { ip: '198.51.100.2' })
})
afterAll(async () => cleanup?.())

describe('one member cannot reach another’s records through the account pages', () => {
  it('ids of B in A’s requests change nothing of B', async () => {
    const bSessions = await payload.find({ collection: 'member-sessions', where: { member: { equals: b.member.id } }, depth: 0 })
    for (const session of bSessions.docs) {
      const res = await h.call('POST', '/en/account/sessions', { body: { session: String(session.id) }, cookie: a.cookie })
      expect([res.status, res.json]).toEqual([422, EN.fields({ session: 'This session does not exist or has ended.' })])
    }
    expect((await h.call('GET', '/en/account', { cookie: b.cookie })).status).toBe(200)
    // Extra keys naming B are ignored: only A's own record is written.
    await h.call('POST', '/en/account/profile', {
      body: { id: String(b.member.id), member: String(b.member.id), email: 'a-hijack@example.com', name: 'Changed by A' },
      cookie: a.cookie,
    })
    const [storedA, storedB] = await Promise.all([
      payload.findByID({ collection: 'members', id: a.member.id, depth: 0 }),
      payload.findByID({ collection: 'members', id: b.member.id, depth: 0 }),
    ])
    expect([storedA.name, storedA.email, storedB.name, storedB.email]).toEqual(['Changed by A', 'a@example.com', 'Ada', 'b@example.com'])
    // Every signed-in screen shows A's data only.
    for (const screen of ['', 'profile', 'requests', 'subscriptions', 'membership', 'sessions', 'data']) {
      const res = await h.call('GET', `/en/account/${screen}?member=${b.member.id}&id=${b.member.id}`, { cookie: a.cookie })
      expect(res.model?.signed?.member.id, screen).toBe(a.member.id)
      expect(JSON.stringify(res.model?.data ?? {}), screen).not.toContain('b@example.com')
    }
    const exported = await h.call('POST', '/en/account/data/export', { body: { member: b.member.id }, cookie: a.cookie })
    expect(exported.status).toBe(200)
    expect(exported.json?.account.id).toBe(String(a.member.id))
    expect(JSON.stringify(exported.json)).not.toContain('b@example.com')
  })

  it('a member’s records are not readable or writable through Payload by anyone but CMS users (no member credential reaches Payload)', async () => {
    for (const collection of [
      'members',
      'member-sessions',
      'member-codes',
      'consent-log',
      'audit-log',
      'points-ledger',
      'leads',
      'submissions',
    ] as const) {
      await expect(payload.find({ collection, overrideAccess: false, user: null }), collection).rejects.toThrow(/not allowed/)
    }
    await expect(
      payload.update({ collection: 'members', id: b.member.id, data: { name: 'x' }, overrideAccess: false, user: null }),
    ).rejects.toThrow(/not allowed/)
    await expect(
      payload.create({
        collection: 'points-ledger',
        data: { member: b.member.id as number, points: 5 },
        overrideAccess: false,
        user: null,
      } as never),
    ).rejects.toThrow(/not allowed/)
  })
})

describe('CSRF', () => {
  it.each([
    ['another site’s Origin', { origin: 'https://evil.example' }],
    ['an Origin of null', { origin: 'null' }],
    ['a cross-site fetch', { headers: { 'sec-fetch-site': 'cross-site' } }],
    ['no Origin and no Referer', { origin: null }],
    ['a look-alike Referer', { origin: null, headers: { referer: 'http://localhost:4321.evil.example/account' } }],
  ])('refuses %s with 403 before doing anything', async (_, opts) => {
    const res = await h.call('POST', '/en/account/profile', { body: { name: 'CSRF' }, cookie: a.cookie, ...(opts as object) })
    expect([res.status, res.json]).toEqual([403, EN.crossOrigin])
    expect((await payload.findByID({ collection: 'members', id: a.member.id, depth: 0 })).name).not.toBe('CSRF')
  })

  it('accepts a same-origin Referer when the browser sends no Origin', async () => {
    const res = await h.call('POST', '/en/account/profile', {
      body: { company: 'Same origin' },
      cookie: a.cookie,
      origin: null,
      headers: { referer: `${SITE}/en/account/profile` },
    })
    expect(res.status).toBe(200)
  })
})

describe('brute force', () => {
  it('50 wrong passwords from one address are throttled (429) while the member still signs in by code from another', async () => {
    const attacker = '192.0.2.50'
    for (let i = 0; i < 50; i++) {
      const res = await h.call('POST', '/en/account/sign-in', {
        body: { email: `guess-${i}@example.com`, password: 'Wrong-password 1' },
        ip: attacker,
      })
      expect(res.status, `attempt ${i + 1}`).toBe(401)
    }
    const blocked = await h.call('POST', '/en/account/sign-in', {
      body: { email: 'a@example.com', password: 'Lantern-garden 42' },
      ip: attacker,
    })
    expect(blocked.status).toBe(429)
    expect(blocked.json?.error.code).toBe('password-throttled')
    // The window opened at the first wrong password: the 50 hashes before this took real time, so the wait left is the header's.
    const retryAfter = Number(blocked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(600)
    expect(retryAfter).toBeLessThanOrEqual(900)
    expect(blocked.json?.error.message).toBe(
      `Too many password attempts. Try again in ${Math.ceil(retryAfter / 60)} minutes, or sign in with a code sent to your email.`,
    )
    // The real member, elsewhere: by password, and by code.
    expect(
      (await h.call('POST', '/en/account/sign-in', { body: { email: 'a@example.com', password: 'Lantern-garden 42' }, ip: '198.51.100.1' }))
        .status,
    ).toBe(200)
    expect((await h.call('POST', '/en/account/sign-in/code', { body: { email: 'a@example.com' }, ip: '198.51.100.1' })).status).toBe(200)
    const code = await h.codeFor('a@example.com', 'sign-in')
    expect((await h.call('POST', '/en/account/sign-in/code', { body: { email: 'a@example.com', code }, ip: '198.51.100.1' })).status).toBe(
      200,
    )
  }, 180_000) // 50 password hashes (scrypt, on purpose slow) take half a minute alone on CI's two cores, longer beside other files

  it('wrong passwords for one account cost delays of at most 30 seconds, never a lock; the code still works', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 8; i++)
      statuses.push(
        (
          await h.call('POST', '/en/account/sign-in', {
            body: { email: 'b@example.com', password: 'Wrong-password 1' },
            ip: `192.0.2.${100 + i}`,
          })
        ).status,
      )
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429])
    const delayed = await h.call('POST', '/en/account/sign-in', {
      body: { email: 'b@example.com', password: 'Harbour-lights 77' },
      ip: '198.51.100.2',
    })
    expect(delayed.status).toBe(429)
    expect(Number(delayed.headers.get('retry-after'))).toBeLessThanOrEqual(30)
    expect((await h.call('POST', '/en/account/sign-in/code', { body: { email: 'b@example.com' }, ip: '198.51.100.2' })).status).toBe(200)
    const code = await h.codeFor('b@example.com', 'sign-in')
    expect((await h.call('POST', '/en/account/sign-in/code', { body: { email: 'b@example.com', code }, ip: '198.51.100.2' })).status).toBe(
      200,
    )
  })

  it('wrong codes: five guesses spend a code; 30 from one address are throttled', async () => {
    await h.call('POST', '/en/account/sign-in/code', { body: { email: 'a@example.com' }, ip: '198.51.100.9' }).catch(() => null)
    const statuses: number[] = []
    for (let i = 0; i < 31; i++)
      statuses.push(
        (
          await h.call('POST', '/en/account/sign-in/code', {
            body: { email: `code-${i % 3}@example.com`, code: String(100000 + i) },
            ip: '192.0.2.200',
          })
        ).status,
      )
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true)
    expect(statuses[30]).toBe(429)
  })

  it('ten sign-ups an hour from one address: the eleventh is refused with 429 and creates nobody, another address still signs up', async () => {
    const signUp = (i: number, ip: string) =>
      h.call('POST', '/en/account/sign-up', { body: { email: `farm-${i}@example.com`, password: 'Lantern-garden 42', name: 'Ada' }, ip })
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await signUp(i, '192.0.2.210')).status)
    expect(statuses).toEqual([...Array(10).fill(201), 429])
    expect((await payload.count({ collection: 'members', where: { email: { equals: 'farm-10@example.com' } } })).totalDocs).toBe(0)
    expect((await signUp(11, '192.0.2.211')).status).toBe(201)
  })
})

describe('bad input to every account endpoint', () => {
  const signedIn = () => a.cookie
  type Case = [string, string, { body?: unknown; raw?: string; contentType?: string; cookie?: () => string }, number, unknown]
  const cases: Case[] = [
    ['sign-up', 'no fields', { body: {} }, 422, EN.fields({ email: 'Enter a valid email address.', password: 'Enter a password.' })],
    [
      'sign-up',
      'a weak password',
      { body: { email: 'new@example.com', password: 'aaaaaaaaaaaa' } },
      422,
      EN.fields({ password: 'Mix at least two kinds of characters, such as letters and digits.' }),
    ],
    [
      'sign-up',
      'an email of 300 characters',
      { body: { email: `${'x'.repeat(290)}@example.com`, password: 'Lantern-garden 42' } },
      422,
      EN.fields({ email: 'Enter a valid email address.' }),
    ],
    ['sign-up', 'a list where text belongs', { body: { email: { $ne: '' }, password: 'x' } }, 400, EN.malformed],
    ['sign-up', 'malformed JSON', { raw: '{"email":' }, 400, EN.malformed],
    ['sign-up', 'a JSON array', { raw: '[]' }, 400, EN.malformed],
    ['sign-up', 'XML', { raw: '<a/>', contentType: 'application/xml' }, 400, EN.malformed],
    ['sign-up', 'a body over 16 KB', { body: { email: 'a@example.com', password: 'x'.repeat(20_000) } }, 413, EN.tooLarge],
    [
      'sign-in',
      'no fields',
      { body: {} },
      422,
      EN.fields({ email: 'Enter a valid email address.', password: 'Enter your current password.' }),
    ],
    [
      'sign-in',
      'a password of 600 characters',
      { body: { email: 'a@example.com', password: 'x'.repeat(600) } },
      422,
      EN.fields({ password: 'Enter your current password.' }),
    ],
    ['sign-in/code', 'no email', { body: {} }, 422, EN.fields({ email: 'Enter a valid email address.' })],
    [
      'sign-in/code',
      'a code that is not six digits',
      { body: { email: 'a@example.com', code: '12ab56' } },
      422,
      EN.fields({ code: 'Enter the 6-digit code from the email.' }),
    ],
    ['verify', 'signed out', { body: { code: '123456' } }, 401, EN.signedOut],
    ['forgot', 'no email', { body: { email: 'not mail' } }, 422, EN.fields({ email: 'Enter a valid email address.' })],
    [
      'reset',
      'nothing right',
      { body: { email: 'x', code: '1', password: 'short' } },
      422,
      EN.fields({
        email: 'Enter a valid email address.',
        code: 'Enter the 6-digit code from the email.',
        password: 'Use at least 10 characters.',
      }),
    ],
    ['profile', 'signed out', { body: { name: 'x' } }, 401, EN.signedOut],
    [
      'profile',
      'a name of 101 characters and a bad language',
      { body: { name: 'x'.repeat(101), preferredLanguage: 'fr' }, cookie: signedIn },
      422,
      EN.fields({ name: 'Use at most 100 characters.', preferredLanguage: 'Choose 简体中文 or English.' }),
    ],
    ['password', 'signed out', { body: {} }, 401, EN.signedOut],
    [
      'password',
      'no current password, a common new one',
      { body: { password: 'Password123!' }, cookie: signedIn },
      422,
      EN.fields({
        currentPassword: 'Enter your current password.',
        password: 'This is one of the most common passwords; choose one that is harder to guess.',
      }),
    ],
    [
      'email',
      'an address that is not one',
      { body: { email: 'a@b' }, cookie: signedIn },
      422,
      EN.fields({ email: 'Enter a valid email address.' }),
    ],
    [
      'email',
      'the same address',
      { body: { email: 'A@example.com' }, cookie: signedIn },
      422,
      EN.fields({ email: 'This is your email already.' }),
    ],
    // No enumeration (issue 11 item 8): a taken address is answered like any other; first the password.
    [
      'email',
      'another member’s address, without the password',
      { body: { email: 'b@example.com' }, cookie: signedIn },
      422,
      EN.fields({ password: 'Enter your current password.' }),
    ],
    [
      'subscriptions',
      'an unknown topic',
      { body: { topics: ['retail', 'secret'] }, cookie: signedIn },
      422,
      EN.fields({ topics: 'Choose topics from the list.' }),
    ],
    [
      'membership',
      'an unknown reward',
      { body: { reward: '999999' }, cookie: signedIn },
      422,
      EN.fields({ reward: 'Choose a reward from the list.' }),
    ],
    [
      'sessions',
      'a session id that is not an id',
      { body: { session: '../1' }, cookie: signedIn },
      422,
      EN.fields({ session: 'This session does not exist or has ended.' }),
    ],
    ['data/export', 'signed out', { body: {} }, 401, EN.signedOut],
    [
      'data/delete',
      'no confirmation',
      { body: {}, cookie: signedIn },
      422,
      EN.fields({ confirm: 'Enter your password or a code to confirm.' }),
    ],
    [
      'data/delete',
      'a wrong password',
      { body: { password: 'Wrong-password 1' }, cookie: signedIn },
      401,
      { error: { code: 'wrong-credentials', message: 'The email or password is wrong.' } },
    ],
    [
      'unsubscribe',
      'a forged token',
      { body: { token: 'eyJtIjoiMSIsInQiOiJuZXdzbGV0dGVyIn0.AAAA' } },
      400,
      {
        error: {
          code: 'link-invalid',
          message: 'This link is not valid or has expired. Use the latest link from your email, or sign in to do this.',
        },
      },
    ],
  ]
  it.each(cases)('/account/%s: %s → %i', async (path, _, opts, status, body) => {
    const res = await h.call('POST', `/en/account/${path}`, {
      body: opts.body,
      raw: opts.raw,
      contentType: opts.contentType,
      cookie: opts.cookie?.(),
      ip: '198.51.100.77',
    })
    expect([res.status, res.json]).toEqual([status, body])
    expect(res.headers.get('cache-control')).toBe('private, no-store')
  })

  it('answers in Chinese under the default locale, and 404 for an unknown account path, 405 for a POST to a page that takes none', async () => {
    const res = await h.call('POST', '/account/sign-in', { body: {} })
    expect(res.json).toEqual({
      error: {
        code: 'invalid-fields',
        message: '部分内容需要修改。',
        fields: { email: '请输入有效的邮箱地址。', password: '请输入当前密码。' },
      },
    })
    expect((await h.call('GET', '/en/account/nope')).status).toBe(404)
    expect((await h.call('POST', '/en/account/requests', { body: {}, cookie: a.cookie })).status).toBe(405)
  })
})
