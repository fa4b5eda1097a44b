import { randomBytes } from 'node:crypto'

/** Capitals and digits without 0/O, 1/I/L and U/V, which people misread when copying a code from a chat or a poster. */
export const REFERRAL_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ'
/** 29^8 is about 500 billion codes: guessing someone's code is hopeless, and it is still easy to read out. */
export const REFERRAL_CODE_LENGTH = 8

const PATTERN = new RegExp(`^[${REFERRAL_ALPHABET}]{${REFERRAL_CODE_LENGTH}}$`)

/**
 * A new random referral code; `random` is crypto.randomBytes unless a test passes its own.
 * @example generateReferralCode() // 'K7MQ2VXA'
 */
export function generateReferralCode(random: (size: number) => Uint8Array = randomBytes): string {
  // Bytes at or above the largest multiple of the alphabet's length are skipped, so every character is equally likely.
  const limit = 256 - (256 % REFERRAL_ALPHABET.length)
  let code = ''
  for (let attempt = 0; attempt < 100 && code.length < REFERRAL_CODE_LENGTH; attempt++) {
    for (const byte of random(REFERRAL_CODE_LENGTH * 2)) {
      if (byte < limit) code += REFERRAL_ALPHABET[byte % REFERRAL_ALPHABET.length]
      if (code.length === REFERRAL_CODE_LENGTH) break
    }
  }
  if (code.length < REFERRAL_CODE_LENGTH)
    throw new Error('The random source gave no usable bytes after 100 tries; pass crypto.randomBytes or a working source.')
  return code
}

/** Whether `code` is a referral code exactly as stored. */
export function isReferralCode(code: unknown): code is string {
  return typeof code === 'string' && PATTERN.test(code)
}

/**
 * A code as a visitor typed or a link carried it: trimmed, full-width folded, upper-cased, with spaces and
 * dashes dropped (`k7mq-2vxa`); null when it cannot be a code.
 * @example normalizeReferralCode(' k7mq-2vxa ') // 'K7MQ2VXA'
 */
export function normalizeReferralCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 64) return null
  const code = input.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase()
  return isReferralCode(code) ? code : null
}

/**
 * The code in two halves for reading out and printing.
 * @example formatReferralCode('K7MQ2VXA') // 'K7MQ-2VXA'
 */
export function formatReferralCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/**
 * The path of a member's referral link on the brand site (the entry route `/r/<code>`).
 * @example referralPath('K7MQ2VXA') // '/r/K7MQ2VXA'
 */
export function referralPath(code: string): string {
  return `/r/${encodeURIComponent(code)}`
}
