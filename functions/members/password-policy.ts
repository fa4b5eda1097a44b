import { normalizeEmail } from '../lead-intake/normalize'
import { COMMON_PASSWORDS } from './common-passwords'
import type { Locale, Localized } from './locale'
import { unexplainedLength, unfoldLeet } from './password-patterns'

export const PASSWORD_MIN_LENGTH = 10
/** Long enough for any passphrase; the cap keeps a 10 MB "password" from reaching the hash. */
export const PASSWORD_MAX_LENGTH = 256
/** Fewer characters than this outside known patterns and the password is guessable. */
export const MIN_UNEXPLAINED_CHARACTERS = 4

/** Each rule a password can break, in the order they are reported. */
export type PasswordRule =
  'required' | 'too-short' | 'too-long' | 'one-class' | 'contains-email' | 'contains-brand' | 'common' | 'predictable'

export const PASSWORD_MESSAGES: Readonly<Record<PasswordRule, Localized>> = {
  required: { 'zh-CN': '请输入密码。', en: 'Enter a password.' },
  'too-short': { 'zh-CN': `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符。`, en: `Use at least ${PASSWORD_MIN_LENGTH} characters.` },
  'too-long': { 'zh-CN': `密码最多 ${PASSWORD_MAX_LENGTH} 个字符。`, en: `Use at most ${PASSWORD_MAX_LENGTH} characters.` },
  'one-class': {
    'zh-CN': '请混合使用至少两类字符，例如字母和数字。',
    en: 'Mix at least two kinds of characters, such as letters and digits.',
  },
  'contains-email': { 'zh-CN': '密码中不能包含您的邮箱名。', en: 'Do not use your email address in your password.' },
  'contains-brand': { 'zh-CN': '密码中不能包含本站的品牌名称。', en: "Do not use this site's brand name in your password." },
  common: {
    'zh-CN': '这是最常见的密码之一，请换一个更难猜的密码。',
    en: 'This is one of the most common passwords; choose one that is harder to guess.',
  },
  predictable: {
    'zh-CN': '该密码规律性太强（键盘连续键、重复或顺序字符、年份日期、常见单词），请换一个。',
    en: 'This password follows a predictable pattern (keyboard rows, repeats, sequences, years or common words); choose another.',
  },
}

export interface PasswordCheck {
  ok: boolean
  errors: { code: PasswordRule; message: string }[]
}

export interface PasswordContext {
  /** The member's email: its name part may not be in the password. */
  email?: string | null
  /** The brand's names as the site shows them (site name, short names, in any script). */
  brandNames?: readonly string[]
  locale?: Locale
}

function characterClass(char: string): string {
  if (/\p{Ll}/u.test(char)) return 'lower'
  if (/\p{Lu}/u.test(char)) return 'upper'
  if (/\p{Nd}/u.test(char)) return 'digit'
  if (/\p{L}/u.test(char)) return 'letter'
  return 'symbol'
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase()
const compact = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '')

/** The parts of an email's name worth refusing in a password: the name before any +tag, and its longer pieces. */
function emailWords(email: string | null | undefined): string[] {
  if (typeof email !== 'string' || email.length > 254) return []
  const normalized = fold(normalizeEmail(email))
  const at = normalized.lastIndexOf('@')
  if (at <= 0) return []
  const name = normalized.slice(0, at).split('+')[0]!
  return [name, compact(name), ...name.split(/[^\p{L}\p{N}]+/u).filter((piece) => piece.length >= 4)].filter((word) => word.length >= 3)
}

// A two-character Chinese brand name (华为) is distinctive; two Latin letters (AI) are inside too many good passwords.
const isDistinctive = (word: string) => Array.from(word).length >= (/^[\x00-\x7f]*$/.test(word) ? 3 : 2)

function brandWords(names: readonly string[] | undefined): string[] {
  return (names ?? [])
    .filter((name) => typeof name === 'string')
    .flatMap((name) => [fold(name).trim(), compact(fold(name))])
    .filter(isDistinctive)
}

function containsAny(password: string, words: string[]): boolean {
  const lower = fold(password)
  const texts = [lower, compact(lower), ...unfoldLeet(lower), ...unfoldLeet(compact(lower))]
  return words.some((word) => texts.some((text) => text.includes(word)))
}

/** A common password, also when dressed up: Capitalised, l33t-spelled, reversed, or with digits and symbols around it. */
function isCommon(password: string): boolean {
  const lower = fold(password)
  const stripped = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  const candidates = [lower, stripped, ...unfoldLeet(lower), ...unfoldLeet(stripped), Array.from(stripped).reverse().join('')]
  // Digits and symbols around a l33t word ("P@ssw0rd2024!") are stripped after unfolding too.
  for (const unfolded of unfoldLeet(lower)) candidates.push(unfolded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
  return candidates.some((candidate) => candidate.length > 0 && COMMON_PASSWORDS.has(candidate))
}

/**
 * Checks a new password against the policy: at least 10 characters, more than one kind of
 * character, not the member's email name nor the brand's name, not a common password, not a
 * predictable pattern. Every broken rule is reported, with its message in the member's language.
 * @example checkPassword('Password2024!', { email: 'li@example.com' }).errors[0].code // 'common'
 */
export function checkPassword(password: unknown, context: PasswordContext = {}): PasswordCheck {
  const locale = context.locale ?? 'en'
  const fail = (...codes: PasswordRule[]): PasswordCheck => ({
    ok: codes.length === 0,
    errors: codes.map((code) => ({ code, message: PASSWORD_MESSAGES[code][locale] })),
  })
  if (typeof password !== 'string' || password.length === 0) return fail('required')
  // Checked before anything else reads the text, so a huge value costs nothing.
  if (password.length > PASSWORD_MAX_LENGTH * 2 || Array.from(password).length > PASSWORD_MAX_LENGTH) return fail('too-long')

  const broken: PasswordRule[] = []
  if (Array.from(password).length < PASSWORD_MIN_LENGTH) broken.push('too-short')
  if (new Set(Array.from(password, characterClass)).size < 2) broken.push('one-class')
  const personal = emailWords(context.email)
  const brand = brandWords(context.brandNames)
  if (personal.length && containsAny(password, personal)) broken.push('contains-email')
  if (brand.length && containsAny(password, brand)) broken.push('contains-brand')
  if (isCommon(password)) broken.push('common')
  // One message about the words a password holds is enough; 'predictable' is for the patterns the other rules do not name.
  else if (
    !broken.includes('contains-email') &&
    !broken.includes('contains-brand') &&
    unexplainedLength(password) < MIN_UNEXPLAINED_CHARACTERS
  )
    broken.push('predictable')
  return fail(...broken)
}
