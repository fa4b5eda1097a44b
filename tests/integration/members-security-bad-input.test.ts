// Bad input to every account endpoint: each answered with its status and message, never cached.
import { describe, expect, it } from 'vitest'

import { a, EN, h, useMembersSecurity } from './members-security-harness'

useMembersSecurity()

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

  it(
    'answers in Chinese under the default locale, and 404 for an unknown account path, ' + '405 for a POST to a page that takes none',
    async () => {
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
    },
  )
})
