/** The languages content is written in. Which one is served at the root is a site setting. */
export const LOCALES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
] as const
export type Locale = (typeof LOCALES)[number]['code']
export const LOCALE_CODES: readonly Locale[] = LOCALES.map((l) => l.code)
