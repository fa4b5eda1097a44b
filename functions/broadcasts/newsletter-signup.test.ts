import { describe, expect, it } from 'vitest'

import { checkSignup, CONFIRM_TTL_MS, readConfirmToken, signConfirmToken } from './newsletter-signup'

const SECRET = 'unit-test-secret'
const AT = Date.parse('2026-12-01T10:00:00.000Z')

describe('checkSignup', () => {
  it.each([
    [
      { email: ' Ann@Example.com ', consent: 'on' },
      { ok: true, email: 'ann@example.com' },
    ],
    [
      { email: 'ann@example.com' },
      { ok: false, errors: { email: undefined, consent: 'Tick the box to agree to receive the newsletter.' } },
    ],
    [
      { email: 'ann', consent: 'on' },
      { ok: false, errors: { email: 'Enter a valid email address.', consent: undefined } },
    ],
    [
      { email: ['a@b.example'], consent: 'on' },
      { ok: false, errors: { email: 'Enter a valid email address.', consent: undefined } },
    ],
    [
      { email: `${'a'.repeat(250)}@b.example`, consent: 'on' },
      { ok: false, errors: { email: 'Enter a valid email address.', consent: undefined } },
    ],
    [
      { consent: 'off' },
      { ok: false, errors: { email: 'Enter a valid email address.', consent: 'Tick the box to agree to receive the newsletter.' } },
    ],
  ])('%j', (fields, expected) => {
    expect(checkSignup(fields, 'en')).toEqual(expected)
  })
})

describe('confirmation tokens', () => {
  const token = signConfirmToken({ email: 'ann@example.com', locale: 'en', issuedAt: AT }, SECRET)

  it('carry the address and language until CONFIRM_TTL_MS has passed', () => {
    expect(readConfirmToken(token, SECRET, new Date(AT + CONFIRM_TTL_MS))).toEqual({ email: 'ann@example.com', locale: 'en', issuedAt: AT })
    expect(readConfirmToken(token, SECRET, new Date(AT + CONFIRM_TTL_MS + 1))).toBe('expired')
    // Issued in the future: not made by this clock.
    expect(readConfirmToken(token, SECRET, new Date(AT - 60_000))).toBe('expired')
  })

  it.each([
    ['another secret', () => readConfirmToken(token, 'other-secret', new Date(AT))],
    ['an altered signature', () => readConfirmToken(token.replace(/\.[^.]+$/, '.x'), SECRET, new Date(AT))],
    ['not a string', () => readConfirmToken(42, SECRET, new Date(AT))],
    ['too long', () => readConfirmToken('a'.repeat(3000), SECRET, new Date(AT))],
  ])('are refused when %s', (_, read) => {
    expect(read()).toBe('invalid')
  })
})
