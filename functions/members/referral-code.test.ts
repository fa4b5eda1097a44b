import { describe, expect, it } from 'vitest'

import {
  formatReferralCode,
  generateReferralCode,
  isReferralCode,
  normalizeReferralCode,
  REFERRAL_ALPHABET,
  referralPath,
} from './referral-code'

describe('generateReferralCode', () => {
  it('maps bytes onto the alphabet, skipping those that would skew it', () => {
    // 29 * 8 = 232: bytes 232..255 are skipped.
    const bytes = [0, 1, 232, 255, 2, 28, 29, 57, 100, 231]
    expect(generateReferralCode(() => Uint8Array.from(bytes))).toBe('234Z2ZFZ')
  })

  it('asks again when a source runs short', () => {
    const calls = [
      [0, 1, 2],
      [3, 4, 5, 6, 7],
    ]
    expect(generateReferralCode(() => Uint8Array.from(calls.shift() ?? []))).toBe('23456789')
  })

  it('refuses a broken random source', () => {
    expect(() => generateReferralCode(() => Uint8Array.from([255, 240]))).toThrow(
      'The random source gave no usable bytes after 100 tries; pass crypto.randomBytes or a working source.',
    )
  })

  it('makes valid, distinct codes from crypto randomness', () => {
    const codes = Array.from({ length: 1000 }, () => generateReferralCode())
    for (const code of codes) expect(isReferralCode(code)).toBe(true)
    expect(new Set(codes).size).toBe(1000)
  })

  it('has no look-alike characters', () => {
    for (const char of '01OILUV') expect(REFERRAL_ALPHABET).not.toContain(char)
    expect(new Set(REFERRAL_ALPHABET).size).toBe(REFERRAL_ALPHABET.length)
  })
})

describe('normalizeReferralCode', () => {
  it.each<[unknown, string | null]>([
    ['K7MQ2VXA', null], // V is not in the alphabet
    ['K7MQ2WXA', 'K7MQ2WXA'],
    [' k7mq-2wxa ', 'K7MQ2WXA'],
    ['K7MQ 2WXA', 'K7MQ2WXA'],
    ['Ｋ７ＭＱ２ＷＸＡ', 'K7MQ2WXA'],
    ['K7MQ2WX', null],
    ['K7MQ2WXAB', null],
    ['K0MQ2WXA', null],
    ['KOMQ2WXA', null],
    ['K1MQ2WXA', null],
    ['<script>', null],
    ['__proto__', null],
    ['K'.repeat(10_240), null],
    [12345678, null],
    [null, null],
    [['K7MQ2WXA'], null],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeReferralCode(input)).toBe(expected)
  })
})

describe('formatting', () => {
  it('splits a code in two and builds its link path', () => {
    expect(formatReferralCode('K7MQ2WXA')).toBe('K7MQ-2WXA')
    expect(normalizeReferralCode(formatReferralCode('K7MQ2WXA'))).toBe('K7MQ2WXA')
    expect(referralPath('K7MQ2WXA')).toBe('/r/K7MQ2WXA')
  })
})
