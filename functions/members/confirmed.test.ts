import { describe, expect, it } from 'vitest'

import { isConfirmed } from './confirmed'

describe('isConfirmed', () => {
  it.each([
    ['an unconfirmed email', { email: 'ada@example.com', emailVerifiedAt: null }, false],
    ['a confirmed email', { email: 'ada@example.com', emailVerifiedAt: '2026-12-01T00:00:00.000Z' }, true],
    [
      'a phone member (placeholder address, confirmed by the phone code)',
      { email: 'phone-3f9a@no-mailbox.invalid', emailVerifiedAt: null },
      true,
    ],
    ['a placeholder in capitals', { email: 'PHONE-3F9A@NO-MAILBOX.INVALID', emailVerifiedAt: null }, true],
    ['an address that only looks like one', { email: 'ada@no-mailbox.invalid.example.com', emailVerifiedAt: null }, false],
  ])('%s: %s', (_name, member, expected) => {
    expect(isConfirmed(member)).toBe(expected)
  })
})
