import { describe, expect, it } from 'vitest'

import { CODE_ALPHABET, generateCode, GENERATED_CODE_LENGTH, isValidCode, normalizeCode, RESERVED_CODES } from './codes'
import { LinkError } from './errors'

const VALID = ['ab', 'a1', '42', 'spring-2025', 'wechat-poster-a', 'a--b', 'x'.repeat(40), 'k7mq2vx']

const INVALID: Array<[string, unknown]> = [
  ['one character', 'a'],
  ['empty', ''],
  ['41 characters', 'x'.repeat(41)],
  ['uppercase', 'Spring'],
  ['leading hyphen', '-spring'],
  ['trailing hyphen', 'spring-'],
  ['only a hyphen pair', '--'],
  ['underscore', 'spring_2025'],
  ['space', 'spring 2025'],
  ['slash', 'go/spring'],
  ['dot segment', '..'],
  ['percent-encoding', 'a%2fb'],
  ['Chinese', '春季活动'],
  ['full-width letters', 'ｓｐｒｉｎｇ'],
  ['Cyrillic look-alike', 'аdmin'],
  ['newline', 'spring\n'],
  ['script', '<script>'],
  ['reserved admin', 'admin'],
  ['reserved api', 'api'],
  ['reserved go', 'go'],
  ['reserved r', 'r'],
  ['reserved preview', 'preview'],
  ['a number', 42],
  ['null', null],
  ['undefined', undefined],
]

describe('isValidCode', () => {
  it.each(VALID)('accepts %j', (code) => {
    expect(isValidCode(code)).toBe(true)
  })

  it.each(INVALID)('refuses %s', (_, code) => {
    expect(isValidCode(code)).toBe(false)
  })

  it('refuses every reserved word', () => {
    for (const word of RESERVED_CODES) expect(isValidCode(word)).toBe(false)
  })
})

describe('normalizeCode', () => {
  it.each([
    ['  Spring-2025 ', 'spring-2025'],
    ['WECHAT', 'wechat'],
    ['ｓｐｒｉｎｇ－２０２５', 'spring-2025'],
    ['\tab\n', 'ab'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeCode(input)).toBe(expected)
  })

  it.each([['  ADMIN '], ['Go'], ['a'], ['-spring'], ['spring 2025'], ['春季'], [''], ['   ']])('gives null for %j', (input) => {
    expect(normalizeCode(input)).toBeNull()
  })

  it.each([[null], [undefined], [7], [{}]])('gives null for the non-string %j', (input) => {
    expect(normalizeCode(input)).toBeNull()
  })
})

describe('generateCode', () => {
  it('makes valid 7-character codes from the alphabet without look-alikes', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01oli]/)
    const codes = Array.from({ length: 2000 }, () => generateCode())
    for (const code of codes) {
      expect(code).toMatch(/^[abcdefghjkmnpqrstuvwxyz23456789]{7}$/)
      expect(isValidCode(code)).toBe(true)
    }
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('maps the bytes of the random source it is given onto the alphabet', () => {
    const bytes = (size: number) => Uint8Array.from({ length: size }, (_, at) => at)
    expect(generateCode(bytes)).toBe(CODE_ALPHABET.slice(0, GENERATED_CODE_LENGTH))
  })

  it('skips bytes that would make some characters likelier than others', () => {
    // 248 = 8 × 31 is the first byte that would wrap around the alphabet unevenly.
    const bytes = (size: number) => Uint8Array.from({ length: size }, (_, at) => (at % 2 === 0 ? 248 + (at % 8) : 30))
    expect(generateCode(bytes)).toBe('9999999')
  })

  it('throws a LinkError with status 500 when the random source gives nothing usable', () => {
    const broken = (size: number) => new Uint8Array(size).fill(255)
    expect(() => generateCode(broken)).toThrow(LinkError)
    expect(() => generateCode(broken)).toThrow(
      'The random source gave no usable bytes after 100 tries; pass crypto.randomBytes or a working source.',
    )
    try {
      generateCode(broken)
    } catch (error) {
      expect(error).toMatchObject({ name: 'LinkError', status: 500, data: { field: 'random' } })
    }
  })
})
