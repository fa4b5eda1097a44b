import { describe, expect, it } from 'vitest'

import { clearedSessionCookie, hashSessionToken, isSessionToken, newSessionToken, sessionCookie, shortUserAgent } from './session-token'

describe('session tokens', () => {
  it('are 256 random bits, stored only as their SHA-256', () => {
    const token = newSessionToken(() => new Uint8Array(32).fill(7))
    expect(token).toBe('BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc')
    expect(isSessionToken(token)).toBe(true)
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashSessionToken(token)).not.toContain(token)
    expect(newSessionToken()).not.toBe(newSessionToken())
  })

  it.each([[''], ['short'], ['x'.repeat(44)], ['BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBw='], [null], [42]])(
    'refuses %j as a token',
    (value) => {
      expect(isSessionToken(value)).toBe(false)
    },
  )

  it('sets an httpOnly, SameSite=Lax cookie for 30 days, Secure on https', () => {
    expect(sessionCookie('t', false)).toBe('bs_member=t; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax')
    expect(sessionCookie('t', true)).toBe('bs_member=t; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure')
    expect(clearedSessionCookie(false)).toBe('bs_member=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax')
  })

  it.each([
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47',
      'WeChat on iPhone',
    ],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36', 'Chrome on Windows'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      'Safari on macOS',
    ],
    ['curl/8.5.0', 'curl/8.5.0'],
    ['', 'Unknown browser'],
    [null, 'Unknown browser'],
  ])('names %j as %j', (ua, name) => {
    expect(shortUserAgent(ua)).toBe(name)
  })
})
