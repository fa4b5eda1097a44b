import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** What a code is for; part of its hash, so a code sent for one purpose never works for another. */
export type CodePurpose = 'sign-in' | 'verify-email' | 'change-email' | 'reset-password'

export const CODE_DIGITS = 6
export const CODE_TTL_MS = 10 * 60_000
export const MAX_CODE_ATTEMPTS = 5
/** One new code a minute at most: a resend button pressed twice does not mail twice. */
export const CODE_RESEND_INTERVAL_MS = 60_000
/**
 * Five codes an hour at most. Each code allows five guesses, so a stranger gets 25 guesses an hour
 * at a million codes (0.06% a day); a mailbox cannot be flooded either.
 */
export const MAX_CODES_PER_HOUR = 5
const HOUR_MS = 60 * 60_000

/**
 * A one-time code as stored: only its keyed hash, never the code. One record per subject and
 * purpose; a new code replaces the old one.
 */
export interface CodeRecord {
  purpose: CodePurpose
  /** HMAC-SHA256 (hex) of purpose, subject and code under the server's secret. */
  hash: string
  issuedAt: string
  expiresAt: string
  attempts: number
  usedAt: string | null
  /** When the current hour of sending began, and how many codes went out in it. */
  windowStartedAt: string
  issuedInWindow: number
}

export interface CodeOptions {
  /** Who the code is for: the member id, or the normalized email when there is no member yet. */
  subject: string
  purpose: CodePurpose
  /** A server secret (PAYLOAD_SECRET or its own); without it a leaked hash could be brute-forced. */
  secret: string
  now: Date
}

export type IssueResult =
  { ok: true; code: string; record: CodeRecord } | { ok: false; reason: 'too-soon' | 'too-many'; retryAfterMs: number }

export type CodeOutcome = 'ok' | 'wrong' | 'expired' | 'used' | 'too-many-attempts'

export interface VerifyResult {
  outcome: CodeOutcome
  /** The record to store back (unchanged unless an attempt was counted or the code used); null when there was none. */
  record: CodeRecord | null
  attemptsLeft: number
}

function hashCode(code: string, { subject, purpose, secret }: Omit<CodeOptions, 'now'>): string {
  if (!secret) throw new Error('A one-time code needs a server secret; pass PAYLOAD_SECRET or a secret of its own.')
  return createHmac('sha256', `one-time-code:${secret}`).update(`${purpose}\n${subject}\n${code}`).digest('hex')
}

/**
 * Six random digits, each of the million codes equally likely.
 * @example generateCode() // '048213'
 */
export function generateCode(random: (size: number) => Uint8Array = randomBytes): string {
  const space = 10 ** CODE_DIGITS
  // Numbers at or above the largest multiple of a million are skipped, so no code is more likely than another.
  const limit = Math.floor(2 ** 32 / space) * space
  for (let attempt = 0; attempt < 100; attempt++) {
    const bytes = random(4)
    if (bytes.length < 4) continue
    const value = ((bytes[0]! << 24) >>> 0) + (bytes[1]! << 16) + (bytes[2]! << 8) + bytes[3]!
    if (value < limit) return String(value % space).padStart(CODE_DIGITS, '0')
  }
  throw new Error('The random source gave no usable bytes after 100 tries; pass crypto.randomBytes or a working source.')
}

/**
 * A new code and the record to store in place of `previous`, or a refusal when codes are asked for
 * too often (at most one a minute and five an hour per subject and purpose).
 * @example const issued = issueCode(stored, { subject: '42', purpose: 'sign-in', secret, now: new Date() })
 */
export function issueCode(previous: CodeRecord | null, options: CodeOptions & { random?: (size: number) => Uint8Array }): IssueResult {
  const now = options.now.getTime()
  let windowStartedAt = now
  let issuedInWindow = 0
  if (previous && previous.purpose === options.purpose) {
    const sinceLast = now - Date.parse(previous.issuedAt)
    if (sinceLast < CODE_RESEND_INTERVAL_MS) return { ok: false, reason: 'too-soon', retryAfterMs: CODE_RESEND_INTERVAL_MS - sinceLast }
    const windowStart = Date.parse(previous.windowStartedAt)
    if (now - windowStart < HOUR_MS) {
      if (previous.issuedInWindow >= MAX_CODES_PER_HOUR) return { ok: false, reason: 'too-many', retryAfterMs: windowStart + HOUR_MS - now }
      windowStartedAt = windowStart
      issuedInWindow = previous.issuedInWindow
    }
  }
  const code = generateCode(options.random)
  return {
    ok: true,
    code,
    record: {
      purpose: options.purpose,
      hash: hashCode(code, options),
      issuedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + CODE_TTL_MS).toISOString(),
      attempts: 0,
      usedAt: null,
      windowStartedAt: new Date(windowStartedAt).toISOString(),
      issuedInWindow: issuedInWindow + 1,
    },
  }
}

/**
 * A code as typed: full-width digits (from a Chinese keyboard) folded, spaces and dashes dropped; null when it cannot be a code.
 * @example normalizeCode(' ０４８ ２１３ ') // '048213'
 */
export function normalizeCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 64) return null
  const code = input.normalize('NFKC').replace(/[\s-]/g, '')
  return new RegExp(`^[0-9]{${CODE_DIGITS}}$`).test(code) ? code : null
}

/**
 * Checks a typed code against the stored record and says what to store back. Every guess at a live
 * code counts, malformed ones too; the fifth wrong guess spends the code. The store must save the
 * new record only if the old one is unchanged (compare attempts and usedAt), so that two requests
 * racing with the right code cannot both sign in.
 * @example const { outcome, record } = verifyCode(stored, '048213', { subject: '42', purpose: 'sign-in', secret, now: new Date() })
 */
export function verifyCode(record: CodeRecord | null, given: unknown, options: CodeOptions): VerifyResult {
  const code = normalizeCode(given)
  // Hashed even when nothing can match, so that "no code was ever sent" takes as long as a wrong code.
  const hash = Buffer.from(hashCode(code ?? '', options), 'hex')
  if (!record) return { outcome: 'wrong', record: null, attemptsLeft: 0 }
  const attemptsLeft = Math.max(0, MAX_CODE_ATTEMPTS - record.attempts)
  if (record.usedAt) return { outcome: 'used', record, attemptsLeft }
  if (attemptsLeft === 0) return { outcome: 'too-many-attempts', record, attemptsLeft }
  const now = options.now.getTime()
  if (!(now < Date.parse(record.expiresAt))) return { outcome: 'expired', record, attemptsLeft }

  const stored = Buffer.from(record.hash, 'hex')
  const matches = code !== null && record.purpose === options.purpose && stored.length === hash.length && timingSafeEqual(stored, hash)
  const counted = { ...record, attempts: record.attempts + 1 }
  if (matches) return { outcome: 'ok', record: { ...counted, usedAt: new Date(now).toISOString() }, attemptsLeft: attemptsLeft - 1 }
  return { outcome: 'wrong', record: counted, attemptsLeft: attemptsLeft - 1 }
}
