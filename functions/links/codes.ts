import { randomBytes } from 'node:crypto'

import { LinkError } from './errors'

/** The letters and digits generated codes use: no 0/o, 1/l/i, which people misread when typing a code off a poster. */
export const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** The length of a generated code: 31^7 is about 27 billion codes, so guessing a live one is hopeless. */
export const GENERATED_CODE_LENGTH = 7

/** Words that are never campaign-link codes, because they name routes, the admin, or look official on a poster. */
export const RESERVED_CODES: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'go',
  'r',
  'qr',
  'media',
  'preview',
  'search',
  'account',
  'login',
  'logout',
  'signin',
  'signup',
  'register',
  'static',
  'assets',
  'new',
  'edit',
  'null',
  'undefined',
  'www',
  'help',
  'support',
])

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/

/**
 * Whether `code` can be a campaign link's code: 2–40 lowercase letters, digits and inner hyphens, and not a reserved word.
 * @example isValidCode('spring-2025') // true
 */
export function isValidCode(code: unknown): code is string {
  return typeof code === 'string' && CODE_PATTERN.test(code) && !RESERVED_CODES.has(code)
}

/**
 * A code as an editor or a visitor typed it, trimmed, folded to ASCII lowercase
 * (full-width ＳＰＲＩＮＧ from a Chinese keyboard too), or null when it cannot be a code.
 * @example normalizeCode('  Spring-2025 ') // 'spring-2025'
 */
export function normalizeCode(input: unknown): string | null {
  if (typeof input !== 'string') return null
  const code = input.normalize('NFKC').trim().toLowerCase()
  return isValidCode(code) ? code : null
}

/**
 * A new random 7-character code from CODE_ALPHABET; `random` is crypto.randomBytes unless a test passes its own.
 * @example generateCode() // 'k7mq2vx'
 */
export function generateCode(random: (size: number) => Uint8Array = randomBytes): string {
  // Bytes at or above the largest multiple of the alphabet's length are skipped, so that every character is equally likely.
  const limit = 256 - (256 % CODE_ALPHABET.length)
  for (let attempt = 0; attempt < 100; attempt++) {
    let code = ''
    for (const byte of random(GENERATED_CODE_LENGTH * 2)) {
      if (byte < limit) code += CODE_ALPHABET[byte % CODE_ALPHABET.length]
      if (code.length === GENERATED_CODE_LENGTH) break
    }
    if (code.length === GENERATED_CODE_LENGTH && isValidCode(code)) return code
  }
  throw new LinkError('The random source gave no usable bytes after 100 tries; pass crypto.randomBytes or a working source.', {
    status: 500,
    field: 'random',
  })
}
