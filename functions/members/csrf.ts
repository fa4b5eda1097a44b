/** The request headers that say where a request came from; a header sent twice arrives as a list and is refused. */
export interface OriginHeaders {
  origin?: string | string[] | null
  referer?: string | string[] | null
  'sec-fetch-site'?: string | string[] | null
  host?: string | string[] | null
}

const MAX_HEADER_LENGTH = 2048

function single(value: string | string[] | null | undefined): string | null {
  if (typeof value !== 'string') return null
  const text = value.trim()
  return text && text.length <= MAX_HEADER_LENGTH ? text : null
}

function parseWebUrl(value: string): URL | null {
  try {
    const url = new URL(value)
    // user:pass@ in a URL is how look-alikes such as https://brand.com@evil.com are built.
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return null
    return url
  } catch {
    // Not a URL at all: it cannot name an allowed origin.
    return null
  }
}

/**
 * An origin as browsers compare them (scheme, lowercase punycode host, port only when not the default), or null.
 * @example normalizeOrigin('HTTPS://Brand.Example:443/account') // 'https://brand.example'
 */
export function normalizeOrigin(value: string): string | null {
  return parseWebUrl(value)?.origin ?? null
}

/**
 * The origin-related headers of a web-standard request (Astro's `request.headers`).
 * @example isSameOrigin(originHeaders(request.headers), [site.url])
 */
export function originHeaders(headers: { get(name: string): string | null }): OriginHeaders {
  return {
    origin: headers.get('origin'),
    referer: headers.get('referer'),
    'sec-fetch-site': headers.get('sec-fetch-site'),
    host: headers.get('host'),
  }
}

/**
 * Whether a state-changing account request comes from the site's own pages (CSRF defence). Refused:
 * a cross-site fetch, an Origin of "null", an origin or referer not in `allowedOrigins` (scheme,
 * host and port all count), and a request that says nothing about where it came from. The Host
 * header is used only when no allowed origins are configured (a local run), never to widen them.
 * @example isSameOrigin({ origin: 'https://brand.example' }, ['https://brand.example']) // true
 */
export function isSameOrigin(headers: OriginHeaders, allowedOrigins: readonly string[]): boolean {
  const allowed = new Set(
    allowedOrigins.flatMap((entry) => (typeof entry === 'string' ? [normalizeOrigin(entry)] : [])).filter((o): o is string => o !== null),
  )
  const host = single(headers.host)?.toLowerCase() ?? null
  const matches = (url: URL | null): boolean => {
    if (!url) return false
    if (allowed.size > 0) return allowed.has(url.origin)
    // A Host header is a name or address and a port, nothing more.
    if (!host || !/^[a-z0-9.\-[\]:]+$/.test(host)) return false
    const fromHost = parseWebUrl(`${url.protocol}//${host}`)
    return fromHost !== null && fromHost.origin === url.origin
  }

  const site = single(headers['sec-fetch-site'])?.toLowerCase()
  // Browsers set Sec-Fetch-Site themselves; no page can forge it, so "cross-site" ends the question.
  if (site === 'cross-site') return false

  if (headers.origin !== undefined && headers.origin !== null) {
    const origin = single(headers.origin)
    // An Origin header is scheme://host[:port] and nothing else; "null" comes from sandboxes, data: URLs and cross-site redirects.
    if (!origin || !/^https?:\/\/[^/?#@\\\s]+$/i.test(origin)) return false
    return matches(parseWebUrl(origin))
  }

  if (site === 'same-origin') return true
  const referer = single(headers.referer)
  return referer !== null && matches(parseWebUrl(referer))
}
