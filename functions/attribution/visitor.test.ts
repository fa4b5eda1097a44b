import { describe, expect, it } from 'vitest'

import { consentCookie, isVisitorId, newVisitorId, readCookie, visitorCookie } from './visitor'

describe('visitor ids and cookies', () => {
  it('makes 128-bit ids that it recognises, and tells them apart', () => {
    const a = newVisitorId()
    expect(a).toMatch(/^v[A-Za-z0-9_-]{22}$/)
    expect(isVisitorId(a)).toBe(true)
    expect(newVisitorId()).not.toBe(a)
    expect(newVisitorId(() => new Uint8Array(16))).toBe('vAAAAAAAAAAAAAAAAAAAAAA')
  })

  it.each([[''], ['123'], ['v' + 'a'.repeat(21)], ['v' + 'a'.repeat(23)], ['vAAAAAAAAAAAAAAAAAAAA=A'], [null], [42]])(
    'refuses %j as a visitor id',
    (value) => {
      expect(isVisitorId(value)).toBe(false)
    },
  )

  it('reads one cookie from a header and never throws', () => {
    expect(readCookie('a=1; bs_visitor=vx; b=2', 'bs_visitor')).toBe('vx')
    expect(readCookie('bs_visitor_old=1; bs_visitor=vy', 'bs_visitor')).toBe('vy')
    expect(readCookie('x=%E0%A4%A', 'x')).toBe('%E0%A4%A')
    expect(readCookie('x=%20y', 'x')).toBe(' y')
    expect(readCookie(null, 'x')).toBeNull()
    expect(readCookie('novalue; other', 'novalue')).toBeNull()
    expect(readCookie('a=' + 'b'.repeat(20_000), 'a')).toBeNull()
  })

  it('sets httpOnly, SameSite=Lax cookies, Secure on https sites', () => {
    expect(visitorCookie('vx', false)).toBe('bs_visitor=vx; Path=/; Max-Age=34128000; HttpOnly; SameSite=Lax')
    expect(visitorCookie('vx', true)).toMatch(/; HttpOnly; SameSite=Lax; Secure$/)
    expect(consentCookie('yes', true)).toBe('bs_consent=yes; Path=/; Max-Age=34128000; SameSite=Lax; Secure')
  })
})
