import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { CODE_TTL_MS, type CodeRecord, generateCode, issueCode, normalizeCode, verifyCode } from './one-time-code'

const secret = 'test-secret'
const t0 = new Date('2026-03-03T10:00:00.000Z')
const at = (ms: number) => new Date(t0.getTime() + ms)
const options = { subject: '42', purpose: 'sign-in' as const, secret }
/** A random source that hands out the given byte groups in turn. */
const bytes =
  (...groups: number[][]) =>
  () =>
    Uint8Array.from(groups.shift() ?? [])

function issued(random = bytes([0x00, 0x01, 0xe2, 0x40])): CodeRecord {
  const result = issueCode(null, { ...options, now: t0, random })
  if (!result.ok) throw new Error('expected a code')
  return result.record
}

describe('generateCode', () => {
  it.each<[number[][], string]>([
    [[[0, 0, 0, 0]], '000000'],
    [[[0x00, 0x01, 0xe2, 0x40]], '123456'],
    [[[0x3b, 0xa6, 0x1b, 0xbf]], '741823'], // 1,000,741,823
    // 0xffffffff lies past the last whole million and is skipped.
    [
      [
        [0xff, 0xff, 0xff, 0xff],
        [0x00, 0x0f, 0x42, 0x3f],
      ],
      '999999',
    ],
  ])('turns bytes %j into %s', (groups, code) => {
    expect(generateCode(bytes(...groups))).toBe(code)
  })

  it('refuses a broken random source', () => {
    expect(() => generateCode(() => new Uint8Array(0))).toThrow(
      'The random source gave no usable bytes after 100 tries; pass crypto.randomBytes or a working source.',
    )
  })

  it('makes six digits from crypto randomness, spread over the range', () => {
    const codes = Array.from({ length: 2000 }, () => generateCode())
    for (const code of codes) expect(code).toMatch(/^[0-9]{6}$/)
    expect(new Set(codes).size).toBeGreaterThan(1990)
    expect(codes.filter((c) => c.startsWith('0')).length).toBeGreaterThan(120)
  })
})

describe('issueCode', () => {
  it('stores only a keyed hash of the code', () => {
    const result = issueCode(null, { ...options, now: t0, random: bytes([0x00, 0x01, 0xe2, 0x40]) })
    expect(result).toEqual({
      ok: true,
      code: '123456',
      record: {
        purpose: 'sign-in',
        hash: createHmac('sha256', 'one-time-code:test-secret').update('sign-in\n42\n123456').digest('hex'),
        issuedAt: '2026-03-03T10:00:00.000Z',
        expiresAt: '2026-03-03T10:10:00.000Z',
        attempts: 0,
        usedAt: null,
        windowStartedAt: '2026-03-03T10:00:00.000Z',
        issuedInWindow: 1,
      },
    })
    expect(JSON.stringify(result.ok && result.record)).not.toContain('123456')
  })

  it('refuses a second code within a minute', () => {
    const first = issued()
    expect(issueCode(first, { ...options, now: at(59_000) })).toEqual({ ok: false, reason: 'too-soon', retryAfterMs: 1000 })
    const second = issueCode(first, { ...options, now: at(60_000) })
    expect(second.ok && second.record.issuedInWindow).toBe(2)
  })

  it('sends at most five codes an hour', () => {
    let record = issued()
    for (let i = 1; i < 5; i++) {
      const next = issueCode(record, { ...options, now: at(i * 60_000) })
      if (!next.ok) throw new Error(`code ${i + 1} refused`)
      record = next.record
    }
    expect(record.issuedInWindow).toBe(5)
    expect(issueCode(record, { ...options, now: at(300_000) })).toEqual({ ok: false, reason: 'too-many', retryAfterMs: 3_300_000 })
    const afterHour = issueCode(record, { ...options, now: at(3_600_000) })
    expect(afterHour.ok && { windowStartedAt: afterHour.record.windowStartedAt, issuedInWindow: afterHour.record.issuedInWindow }).toEqual({
      windowStartedAt: '2026-03-03T11:00:00.000Z',
      issuedInWindow: 1,
    })
  })

  it('does not count a record of another purpose', () => {
    const result = issueCode(issued(), { ...options, purpose: 'verify-email', now: at(1000) })
    expect(result.ok && result.record.issuedInWindow).toBe(1)
  })

  it('needs a secret', () => {
    expect(() => issueCode(null, { ...options, secret: '', now: t0 })).toThrow(
      'A one-time code needs a server secret; pass PAYLOAD_SECRET or a secret of its own.',
    )
  })
})

describe('normalizeCode', () => {
  it.each<[unknown, string | null]>([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['123-456', '123456'],
    ['１２３４５６', '123456'],
    ['12345', null],
    ['1234567', null],
    ['12345a', null],
    ['١٢٣٤٥٦', null],
    [123456, null],
    [null, null],
    [['123456'], null],
    ['1'.repeat(10_240), null],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeCode(input)).toBe(expected)
  })
})

describe('verifyCode', () => {
  const check = (record: CodeRecord | null, given: unknown, ms = 1000, extra = {}) =>
    verifyCode(record, given, { ...options, now: at(ms), ...extra })

  it('accepts the right code once', () => {
    const first = check(issued(), '123456')
    expect(first).toEqual({ outcome: 'ok', record: { ...issued(), attempts: 1, usedAt: '2026-03-03T10:00:01.000Z' }, attemptsLeft: 4 })
    expect(check(first.record, '123456', 2000)).toEqual({ outcome: 'used', record: first.record, attemptsLeft: 4 })
  })

  it('accepts the code as a person types it', () => {
    expect(check(issued(), ' １２３ ４５６ ').outcome).toBe('ok')
  })

  it('counts a wrong guess', () => {
    expect(check(issued(), '654321')).toEqual({ outcome: 'wrong', record: { ...issued(), attempts: 1 }, attemptsLeft: 4 })
  })

  it('spends the code after five wrong guesses, even if the sixth is right', () => {
    let record: CodeRecord | null = issued()
    const outcomes = []
    for (const guess of ['000001', '000002', '000003', '000004', '000005', '123456']) {
      const result = check(record, guess)
      outcomes.push([result.outcome, result.attemptsLeft])
      record = result.record
    }
    expect(outcomes).toEqual([
      ['wrong', 4],
      ['wrong', 3],
      ['wrong', 2],
      ['wrong', 1],
      ['wrong', 0],
      ['too-many-attempts', 0],
    ])
    expect(record?.attempts).toBe(5)
  })

  it('accepts the right code on the fifth try', () => {
    let record: CodeRecord | null = issued()
    for (const guess of ['1', '2', '3', '4']) record = check(record, guess).record
    expect(check(record, '123456').outcome).toBe('ok')
  })

  it('expires after ten minutes', () => {
    expect(check(issued(), '123456', CODE_TTL_MS - 1).outcome).toBe('ok')
    expect(check(issued(), '123456', CODE_TTL_MS)).toEqual({ outcome: 'expired', record: issued(), attemptsLeft: 5 })
  })

  it('treats no record as a wrong code', () => {
    expect(check(null, '123456')).toEqual({ outcome: 'wrong', record: null, attemptsLeft: 0 })
  })

  it.each<[string, unknown]>([
    ['too short', '12345'],
    ['letters', 'abcdef'],
    ['a number', 123456],
    ['an object', { $ne: null }],
    ['null', null],
    ['10 KB', '1'.repeat(10_240)],
    ['__proto__', '__proto__'],
  ])('counts a malformed guess (%s) as wrong', (_, given) => {
    expect(check(issued(), given)).toEqual({ outcome: 'wrong', record: { ...issued(), attempts: 1 }, attemptsLeft: 4 })
  })

  it.each<[string, object]>([
    ['another subject', { subject: '43' }],
    ['another purpose', { purpose: 'reset-password' }],
    ['another secret', { secret: 'other' }],
  ])('refuses the right digits for %s', (_, extra) => {
    expect(check(issued(), '123456', 1000, extra).outcome).toBe('wrong')
  })

  it.each<[string, Partial<CodeRecord>]>([
    ['a tampered hash', { hash: 'ab'.repeat(32) }],
    ['a truncated hash', { hash: 'abcd' }],
    ['a non-hex hash', { hash: 'zz' }],
  ])('refuses a record with %s', (_, change) => {
    expect(check({ ...issued(), ...change }, '123456').outcome).toBe('wrong')
  })

  it('treats an unreadable expiry as expired', () => {
    expect(check({ ...issued(), expiresAt: 'soon' }, '123456').outcome).toBe('expired')
  })
})
