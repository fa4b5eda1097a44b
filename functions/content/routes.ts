import { isValidPath, isValidSlug, localePrefix } from './paths'

/** What a site URL asks for, once its locale prefix is taken off. */
export type Route =
  | { kind: 'page'; path: string }
  | { kind: 'blog'; page: number }
  | { kind: 'category'; slug: string; page: number }
  | { kind: 'post'; slug: string }
  | { kind: 'search' }
  | { kind: 'notFound' }

export interface MatchedRoute {
  locale: string
  route: Route
}

const MAX_LIST_PAGE = 10_000

function listPage(value: string | undefined): number | null {
  if (!value || !/^[1-9][0-9]{0,4}$/.test(value)) return null
  const page = Number(value)
  return page <= MAX_LIST_PAGE ? page : null
}

function decodeSegments(pathname: string): string[] | null {
  const segments: string[] = []
  for (const raw of pathname.split('/')) {
    if (raw === '') continue
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      // A malformed escape (`%E0%A4%A`) cannot name any content.
      return null
    }
    // An encoded slash or dot-segment (`..%2f..%2fetc`) is never a slug; refuse it whole.
    if (segment.includes('/') || segment.includes('\\') || segment === '.' || segment === '..') return null
    segments.push(segment)
  }
  return segments
}

function matchUnprefixed(segments: string[]): Route {
  const [first, second, third, fourth, fifth, ...rest] = segments
  if (segments.length === 0) return { kind: 'page', path: 'home' }
  // `/search?q=`: the query is read by the view; a page cannot take the path `search`.
  if (first === 'search' && second === undefined) return { kind: 'search' }
  if (first === 'blog') {
    if (second === undefined) return { kind: 'blog', page: 1 }
    if (second === 'page' && fourth === undefined) {
      const page = listPage(third)
      return page ? { kind: 'blog', page } : { kind: 'notFound' }
    }
    if (second === 'category' && third && isValidSlug(third)) {
      if (fourth === undefined) return { kind: 'category', slug: third, page: 1 }
      const page = fourth === 'page' && rest.length === 0 ? listPage(fifth) : null
      return page ? { kind: 'category', slug: third, page } : { kind: 'notFound' }
    }
    const reserved = second === 'page' || second === 'category'
    if (third === undefined && !reserved && isValidSlug(second)) return { kind: 'post', slug: second }
    return { kind: 'notFound' }
  }
  const path = segments.join('/')
  // `home` is served at `/` only, so the home page has one address.
  if (path === 'home' || !isValidPath(path)) return { kind: 'notFound' }
  return { kind: 'page', path }
}

/**
 * Reads a site pathname: its locale (a prefix such as `/en/` for a non-default locale) and what it asks for.
 * Anything that is not a well-formed slug or path is `notFound`, never an error.
 * @example matchRoute('/en/blog/page/2', ['zh-CN', 'en'], 'zh-CN') // { locale: 'en', route: { kind: 'blog', page: 2 } }
 */
export function matchRoute(pathname: string, locales: readonly string[], defaultLocale: string): MatchedRoute {
  const segments = decodeSegments(pathname)
  if (!segments) return { locale: defaultLocale, route: { kind: 'notFound' } }
  const prefixed = locales.find((l) => l !== defaultLocale && localePrefix(l) === segments[0])
  if (prefixed) return { locale: prefixed, route: matchUnprefixed(segments.slice(1)) }
  const defaultPrefix = segments[0] === localePrefix(defaultLocale)
  return { locale: defaultLocale, route: defaultPrefix ? { kind: 'notFound' } : matchUnprefixed(segments) }
}
