// Bounds the work one request can cause; a 10 KB query string still fits whole.
const MAX_URL_LENGTH = 32_768

/**
 * An http(s) URL read from untrusted text, or null when it is not one; never throws.
 * @example parseWebUrl('javascript:alert(1)') // null
 */
export function parseWebUrl(value: string | null | undefined): URL | null {
  if (typeof value !== 'string' || value.length === 0) return null
  let url: URL
  try {
    url = new URL(value.length > MAX_URL_LENGTH ? value.slice(0, MAX_URL_LENGTH) : value)
  } catch {
    // Unreadable text is treated as absent: a visitor's arrival must never fail over a bad header.
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (!url.hostname) return null
  return url
}

/**
 * A URL's query parameters with lowercase names, the first value of a repeated name winning.
 * @example firstParams(new URL('https://b.example/?UTM_SOURCE=a&utm_source=b')).get('utm_source') // 'a'
 */
export function firstParams(url: URL | null): Map<string, string> {
  // A Map, not an object: parameter names such as __proto__ are only data here.
  const params = new Map<string, string>()
  if (!url) return params
  for (const [name, value] of url.searchParams) {
    const key = name.trim().toLowerCase()
    if (key && !params.has(key)) params.set(key, value)
  }
  return params
}

/**
 * A host in the form the tables compare: lowercase, without a trailing dot, a port or a leading `www.`.
 * @example normalHost('WWW.Weibo.com.') // 'weibo.com'
 */
export function normalHost(host: string): string {
  let h = host.trim().toLowerCase()
  if (h.includes('://')) h = parseWebUrl(h)?.hostname ?? ''
  h = h.replace(/:\d*$/, '').replace(/\.+$/, '')
  return h.startsWith('www.') ? h.slice(4) : h
}

/**
 * Whether a host is a domain or one of its subdomains, matched on label boundaries.
 * @example isHostOf('m.weibo.cn', 'weibo.cn') // true
 * @example isHostOf('evilweibo.com', 'weibo.com') // false
 */
export function isHostOf(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`)
}
