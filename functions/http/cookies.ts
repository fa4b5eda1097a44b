/** Cookie headers longer than this are not read at all (browsers send at most a few KB). */
const MAX_COOKIE_HEADER = 16_384

/**
 * One cookie's value from a Cookie header, or null; never throws on a malformed header. Names are
 * compared after trimming, as browsers and RFC 6265 do, so that `bs_member =x` is the cookie
 * `bs_member`: the page cache and the session must read a header the same way, or a request one
 * of them does not see as a member's is treated as one by the other.
 * @example readCookie('a=1; bs_visitor=vabc', 'bs_visitor') // 'vabc'
 */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header || header.length > MAX_COOKIE_HEADER) return null
  for (const part of header.split(';')) {
    const at = part.indexOf('=')
    if (at === -1 || part.slice(0, at).trim() !== name) continue
    const raw = part.slice(at + 1).trim()
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  }
  return null
}

/** Whether the Cookie header carries a cookie `name` with any value (by the same reading as readCookie). */
export function hasCookie(header: string | null | undefined, name: string): boolean {
  return Boolean(readCookie(header, name))
}
