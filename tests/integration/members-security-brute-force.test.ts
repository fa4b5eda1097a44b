// Brute force against the account pages: passwords, codes and sign-ups throttled, the real member never locked out.
import { describe, expect, it } from 'vitest'

import { h, payload, useMembersSecurity } from './members-security-harness'

useMembersSecurity()

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

  it(
    'ten sign-ups an hour from one address: the eleventh is refused with 429 and creates nobody, ' + 'another address still signs up',
    async () => {
      const signUp = (i: number, ip: string) =>
        h.call('POST', '/en/account/sign-up', { body: { email: `farm-${i}@example.com`, password: 'Lantern-garden 42', name: 'Ada' }, ip })
      const statuses: number[] = []
      for (let i = 0; i < 11; i++) statuses.push((await signUp(i, '192.0.2.210')).status)
      expect(statuses).toEqual([...Array(10).fill(201), 429])
      expect((await payload.count({ collection: 'members', where: { email: { equals: 'farm-10@example.com' } } })).totalDocs).toBe(0)
      expect((await signUp(11, '192.0.2.211')).status).toBe(201)
    },
  )
})
