// CSRF: account POSTs from another site are refused before anything is done; a same-origin Referer is enough.
import { describe, expect, it } from 'vitest'

import { SITE } from './members-harness'
import { a, EN, h, payload, useMembersSecurity } from './members-security-harness'

useMembersSecurity()

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
