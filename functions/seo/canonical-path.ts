/**
 * Path prefixes left exactly as they came: uploaded files keep their names, build assets are
 * hashed, the API is the CMS's, campaign and referral links (/go/, /r/) check and refuse odd
 * paths themselves (attribution's open-redirect rules), and a download link's token is signed
 * base64url, whose case is part of the signature (/download/, and a broadcast's tracked links /l/).
 */
export const UNTOUCHED_PREFIXES = ['/media/', '/_astro/', '/api/', '/go/', '/r/', '/download/', '/l/'] as const

/**
 * The canonical form of a request path, or null when it already is canonical. The site's rules,
 * outside UNTOUCHED_PREFIXES: no trailing slash (except `/` itself), no repeated slashes, lower case.
 * Percent-escapes are kept as they came, so `%E4` is not turned into `%e4`.
 * Repeated slashes matter beyond neatness: `//evil.example/` with its trailing slash dropped would
 * be a protocol-relative Location to another site.
 * @example canonicalPath('/About/') // '/about'
 */
export function canonicalPath(pathname: string): string | null {
  try {
    decodeURI(pathname)
  } catch {
    // A malformed escape (`%E0%A4%A`) names nothing; the server refuses it, so do not redirect it.
    return null
  }
  if (UNTOUCHED_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return null
  let path = pathname.replace(/\/{2,}/g, '/')
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/'
  path = path.replace(/%[0-9A-Fa-f]{2}|[A-Z]+/g, (match) => (match.startsWith('%') ? match : match.toLowerCase()))
  return path === pathname ? null : path
}

/**
 * `target` with the query string of the request appended (after any query the target has, before
 * its fragment), so campaign tags survive a redirect.
 * @example withQuery('/new?a=1#top', '?utm_source=x') // '/new?a=1&utm_source=x#top'
 */
export function withQuery(target: string, search: string): string {
  const query = search.replace(/^\?/, '')
  if (!query) return target
  const hashAt = target.indexOf('#')
  const base = hashAt === -1 ? target : target.slice(0, hashAt)
  const hash = hashAt === -1 ? '' : target.slice(hashAt)
  return `${base}${base.includes('?') ? '&' : '?'}${query}${hash}`
}
