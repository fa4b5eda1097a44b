import { type Locale, LOCALE_CODES } from '../content/locales'

export type { Locale }

/**
 * The language to answer a member in: one of the site's locales, from a preference, a route
 * prefix or an Accept-Language value; `fallback` (the site's default) for anything else.
 * @example pickLocale('zh') // 'zh-CN'
 */
export function pickLocale(value: unknown, fallback: Locale = 'en'): Locale {
  if (typeof value !== 'string') return fallback
  const tag = value.trim().toLowerCase().slice(0, 35)
  const exact = LOCALE_CODES.find((code) => code.toLowerCase() === tag)
  if (exact) return exact
  // Any Chinese tag (zh, zh-Hans, zh-CN) reads the simplified-Chinese text we have.
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN'
  if (tag === 'en' || tag.startsWith('en-')) return 'en'
  return fallback
}

/** A text in every locale the account pages speak. */
export type Localized<T = string> = Record<Locale, T>
