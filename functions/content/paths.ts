/** Lower-case letters, digits and single dashes: `brand-strategy`. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** True when `value` may be a post or category slug. */
export function isValidSlug(value: string): boolean {
  return value.length <= 120 && SLUG.test(value)
}

/** True when `value` may be a page path: one or more slugs joined by `/`, such as `solutions/retail`. */
export function isValidPath(value: string): boolean {
  return value.length <= 240 && value.split('/').every(isValidSlug)
}

/** The site path of a page in the default locale: `home` is `/`, anything else `/<path>`. */
export function pageHref(path: string): string {
  return path === 'home' || path === '' ? '/' : `/${path}`
}

/**
 * The same site path in another locale: the default locale lives at the root, others under a prefix.
 * @example localizedHref('/blog', 'en', 'zh-CN') // '/en/blog'
 */
export function localizedHref(href: string, locale: string, defaultLocale: string): string {
  if (locale === defaultLocale || !href.startsWith('/')) return href
  // No trailing slash anywhere but `/` itself (functions/seo/canonical-path.ts): `/en`, not `/en/`.
  return href === '/' ? `/${localePrefix(locale)}` : `/${localePrefix(locale)}${href}`
}

/** The URL prefix of a locale: `en` for en, `zh-cn` for zh-CN. */
export function localePrefix(locale: string): string {
  return locale.toLowerCase()
}
