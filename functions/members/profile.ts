import { LOCALE_CODES } from '../content/locales'
import { normalizePhone } from '../lead-intake/normalize'
import type { Locale, Localized } from './locale'

/** What a member may edit on their profile. Email and password change through their own flows. */
export interface Profile {
  name: string | null
  company: string | null
  jobTitle: string | null
  /** Stored as lead-intake normalizes it (+86… for a Chinese mobile), so it matches leads. */
  phone: string | null
  preferredLanguage: Locale | null
  /** Topic slugs from the list an editor defines. */
  interests: string[]
}

export type ProfileField = keyof Profile

/** Longest value per text field, in characters. */
export const PROFILE_LIMITS = { name: 100, company: 200, jobTitle: 100, phone: 32 } as const
const MAX_INTERESTS_INPUT = 200

type MessageKey = 'type' | 'tooLong' | 'phone' | 'language' | 'interest'
const MESSAGES: Readonly<Record<MessageKey, Localized<(n: number) => string>>> = {
  type: { 'zh-CN': () => '这个值的类型不正确。', en: () => 'This value has the wrong type.' },
  tooLong: { 'zh-CN': (n) => `最多 ${n} 个字符。`, en: (n) => `Use at most ${n} characters.` },
  phone: { 'zh-CN': () => '请输入有效的电话号码。', en: () => 'Enter a valid phone number.' },
  language: { 'zh-CN': () => '请选择简体中文或 English。', en: () => 'Choose 简体中文 or English.' },
  interest: { 'zh-CN': () => '请从列表中选择兴趣。', en: () => 'Choose interests from the list.' },
}

export type ProfileResult =
  | { ok: true; values: Partial<Profile> }
  | { ok: false; malformed: true }
  | { ok: false; malformed: false; errors: Partial<Record<ProfileField, string>> }

// C0 and C1 controls (line breaks and tabs too: every profile field is one line) and bidirectional overrides,
// which would let a crafted company name reverse the text around it where sales read it.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/**
 * A text as typed, made fit to store: NFC, controls and bidi overrides removed, trimmed; '' becomes null.
 * Markup is kept as typed (`<script>` stays text): escaping is the renderer's job.
 * @example cleanProfileText('  Acme\u0000 <b>Inc</b> ') // 'Acme <b>Inc</b>'
 */
export function cleanProfileText(value: string): string | null {
  const text = value.normalize('NFC').replace(INVISIBLE, '').trim()
  return text === '' ? null : text
}

/**
 * Validates the profile fields present in `input` (a JSON body or a form's fields) and returns
 * them cleaned; absent fields are left out, so a form may save a part of the profile. Unknown
 * keys are dropped. `interests` are the topic slugs an editor offers.
 * @example validateProfile({ name: ' 李雷 ', phone: '138 0013 8000' }, { interests: [], locale: 'zh-CN' }) // { ok: true,
 *   values: { name: '李雷', phone: '+8613800138000' } }
 */
export function validateProfile(input: unknown, { interests, locale }: { interests: readonly string[]; locale: Locale }): ProfileResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, malformed: true }
  const source = input as Record<string, unknown>
  const has = (field: ProfileField) => Object.hasOwn(source, field)
  const message = (key: MessageKey, n = 0) => MESSAGES[key][locale](n)
  const values: Partial<Profile> = {}
  const errors: Partial<Record<ProfileField, string>> = {}

  for (const field of ['name', 'company', 'jobTitle', 'phone'] as const) {
    if (!has(field)) continue
    const raw = source[field]
    if (raw === null || raw === undefined) {
      values[field] = null
      continue
    }
    if (typeof raw !== 'string') {
      errors[field] = message('type')
      continue
    }
    const max = PROFILE_LIMITS[field]
    // A value far over the limit is refused before any work is done on it.
    const text = raw.length > max * 4 ? raw : cleanProfileText(raw)
    if (text !== null && Array.from(text).length > max) {
      errors[field] = message('tooLong', max)
    } else if (field === 'phone' && text !== null) {
      const phone = normalizePhone(text)
      if (phone) values.phone = phone
      else errors.phone = message('phone')
    } else {
      values[field] = text
    }
  }

  if (has('preferredLanguage')) {
    const raw = source.preferredLanguage
    if (raw === null || raw === undefined || raw === '') values.preferredLanguage = null
    else if (typeof raw === 'string' && (LOCALE_CODES as readonly string[]).includes(raw)) values.preferredLanguage = raw as Locale
    else errors.preferredLanguage = message('language')
  }

  if (has('interests')) {
    const raw = source.interests
    // A form with one box ticked sends a string, with none sends nothing; JSON sends a list.
    const list = raw === null || raw === undefined || raw === '' ? [] : typeof raw === 'string' ? [raw] : raw
    if (!Array.isArray(list) || list.length > MAX_INTERESTS_INPUT || list.some((item) => typeof item !== 'string'))
      errors.interests = message('type')
    else if (list.some((item) => !interests.includes(item))) errors.interests = message('interest')
    else values.interests = interests.filter((slug) => list.includes(slug))
  }

  if (Object.keys(errors).length) return { ok: false, malformed: false, errors }
  return { ok: true, values }
}
