import { cleanText } from './clean-text'

// C0 and C1 controls, checked before the URL parser sees them: it silently drops tabs and
// newlines, so '/\t/evil.example' would otherwise become the protocol-relative '//evil.example'.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const SCHEME_AND_AUTHORITY = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?/i
const MAX_TARGET_LENGTH = 4096
const UTM_KEYS = ['source', 'medium', 'campaign', 'content', 'term'] as const

/** The UTM values a campaign link adds to its target. */
export type UtmValues = Partial<Record<(typeof UTM_KEYS)[number], string | null>>

/**
 * Where a campaign link may send a visitor: an http(s) URL on the site (or off it only when allowed), else null.
 * @example safeRedirectTarget('/spring?x=1', 'https://brand.example', false)?.href // 'https://brand.example/spring?x=1'
 * @example safeRedirectTarget('//evil.example', 'https://brand.example', true) // null
 */
export function safeRedirectTarget(target: string, siteOrigin: string, allowOffsite: boolean): URL | null {
  if (typeof target !== 'string' || target.length > MAX_TARGET_LENGTH || CONTROL.test(target)) return null
  const text = target.trim()
  // Browsers read a backslash as a slash and '//' as another host; neither belongs in a link an editor means.
  if (!text || text.includes('\\') || text.startsWith('//')) return null
  // A scheme must be http(s) written in full: 'https:evil.example' would otherwise quietly become a path on the site.
  if (/^[^/?#]*:/.test(text) && !/^https?:\/\//i.test(text)) return null
  const site = siteUrl(siteOrigin)
  if (!site) return null
  let url: URL
  try {
    url = new URL(text, site)
  } catch {
    // Not a URL at all: refusing it is the answer, not an error.
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username || url.password) return null
  if (!allowOffsite && url.origin !== site.origin) return null
  if (!isSafePath(text.replace(SCHEME_AND_AUTHORITY, '').split(/[?#]/, 1)[0] ?? '')) return null
  return url
}

/**
 * A copy of a URL with the link's UTM values set, each replacing any the URL already has; other parameters are left as written.
 * @example withUtm(new URL('https://brand.example/?utm_source=old&a=1'), { source: 'wechat' }).href
 *   // 'https://brand.example/?a=1&utm_source=wechat'
 */
export function withUtm(url: URL, utm: UtmValues): URL {
  const next = new URL(url.href)
  const values = new Map<string, string>()
  for (const key of UTM_KEYS) {
    const value = cleanText(utm[key], 200)
    if (value) values.set(`utm_${key}`, value)
  }
  if (values.size === 0) return next
  const kept = next.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !values.has(paramName(pair)))
  const added = [...values].map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
  next.search = [...kept, ...added].join('&')
  return next
}

function siteUrl(siteOrigin: string): URL | null {
  try {
    const site = new URL(siteOrigin)
    return site.protocol === 'http:' || site.protocol === 'https:' ? new URL(`${site.origin}/`) : null
  } catch {
    // A misconfigured site origin refuses every target rather than redirecting somewhere unknown.
    return null
  }
}

// Looks at the path as written, decoded once, since servers and proxies downstream may decode it again.
function isSafePath(path: string): boolean {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return false
  }
  if (decoded.startsWith('//') || decoded.includes('\\') || CONTROL.test(decoded)) return false
  let depth = 0
  for (const segment of decoded.split('/')) {
    if (segment === '..') depth -= 1
    else if (segment !== '' && segment !== '.') depth += 1
    if (depth < 0) return false
  }
  return true
}

function paramName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? ''
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).trim().toLowerCase()
  } catch {
    // A malformed name is kept as written; it can only be compared, never decoded.
    return name.toLowerCase()
  }
}
