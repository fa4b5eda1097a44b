/** The languages content is written in. Which one is served at the root is a site setting. */
export const LOCALES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
] as const
export type Locale = (typeof LOCALES)[number]['code']
export const LOCALE_CODES: readonly Locale[] = LOCALES.map((l) => l.code)

/** Whether `value` is one of the content locales. */
export function isLocale(value: unknown): value is Locale {
  return (LOCALE_CODES as readonly unknown[]).includes(value)
}

/** `value` as a content locale, or the first locale when it is none. */
export function asLocale(value: unknown): Locale {
  return isLocale(value) ? value : LOCALE_CODES[0]!
}
