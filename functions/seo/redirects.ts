import { canonicalPath, withQuery } from './canonical-path'

/** An editor's redirect as stored (cms/collections/Redirects.ts). */
export interface RedirectRule {
  from: string
  to: string
  status: 301 | 302
}

/**
 * Paths the product itself answers (account pages, API, preview, campaign and referral links,
 * media), in any locale: an editor's redirect there would send visitors who sign in, or follow a
 * printed QR code, somewhere else.
 */
const OWNED_PATHS = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:account|api|preview|go|r|media)(?:\/|$)/i

/**
 * Why a redirect may not start at this (normalised) path, or null when it may.
 * @example redirectFromProblem('/en/account/sign-in') // 'This path belongs to the product …'
 */
export function redirectFromProblem(from: string | null): string | null {
  return from !== null && OWNED_PATHS.test(from)
    ? 'This path belongs to the product (account pages, API, preview, /go and /r links, media) and cannot be redirected.'
    : null
}

/**
 * Whether a redirect target leaves the site: a full URL on another origin (any full URL when the
 * site's origin is unknown). Only an admin may allow that (the rule's `allowOffsite`).
 * @example isOffsiteTarget('https://shop.example/sale', 'https://brand.example') // true
 */
export function isOffsiteTarget(to: string, siteOrigin?: string): boolean {
  if (to.startsWith('/')) return false
  try {
    return !siteOrigin || new URL(to).origin !== new URL(siteOrigin).origin
  } catch {
    // Not a URL: not a target that stays on the site either.
    return true
  }
}

/** What the site answers a request with instead of rendering it. */
export interface RedirectAnswer {
  status: 301 | 302
  location: string
}

/** A `from` or `to` this long is a paste gone wrong, not a path. */
export const MAX_REDIRECT_LENGTH = 1000

/** Chains longer than this are treated as loops. */
const MAX_HOPS = 10

/**
 * The path an editor's `from` value stands for, in the form requests are matched in (canonical
 * path, upper-case percent-escapes), or null when it cannot be a path of this site. A full URL is
 * accepted and reduced to its path; its query string and fragment are dropped, since redirects
 * match paths only.
 * @example normalizeRedirectFrom('https://brand.example/Old-Page/?utm_source=x') // '/old-page'
 */
export function normalizeRedirectFrom(input: unknown): string | null {
  if (typeof input !== 'string') return null
  const value = input.trim()
  if (!value || value.length > MAX_REDIRECT_LENGTH) return null
  const absolute = /^https?:\/\//i.test(value)
  if (!absolute && (!value.startsWith('/') || value.startsWith('//') || value.includes('\\'))) return null
  let pathname: string
  try {
    // Parsing percent-encodes what needs it (a Chinese path becomes %E5…), as browsers send it.
    pathname = new URL(value, 'http://site.invalid').pathname
  } catch {
    return null
  }
  if (/[\u0000-\u001F\u007F]/.test(pathname)) return null
  return matchKey(pathname)
}

/**
 * Why `input` cannot be a redirect's target, or null when it can: a path on this site (`/new-page`)
 * or an absolute http(s) URL. Anything else (`javascript:`, `//host`, relative paths) is refused.
 */
export function redirectTargetProblem(input: unknown): string | null {
  if (typeof input !== 'string' || input.trim() === '')
    return 'Give the path (such as /new-page) or the full URL (https://…) to send visitors to.'
  const value = input.trim()
  if (value.length > MAX_REDIRECT_LENGTH) return `The target may be at most ${MAX_REDIRECT_LENGTH} characters long.`
  if (/[\s\u0000-\u001F\u007F]/.test(value)) return 'The target may not contain spaces or control characters; encode them (%20).'
  if (value.startsWith('/')) {
    if (value.startsWith('//') || value.startsWith('/\\'))
      return 'A target starting with // names another site; write it as a full URL (https://…) instead.'
    return null
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'The target must start with / (a path on this site) or be a full URL starting with https:// or http://.'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only http and https URLs can be redirect targets.'
  if (url.username || url.password) return 'A target URL may not carry a user name or password.'
  return null
}

// A local target is written in canonical form, so the visitor is not sent on to a second redirect.
function canonicalTarget(to: string): string {
  if (!to.startsWith('/')) return to
  const cut = to.search(/[?#]/)
  const path = cut === -1 ? to : to.slice(0, cut)
  return `${canonicalPath(path) ?? path}${cut === -1 ? '' : to.slice(cut)}`
}

// Requests are matched on their canonical path with percent-escapes in upper case, whichever case the client used.
function matchKey(pathname: string): string {
  const canonical = canonicalPath(pathname) ?? pathname
  return canonical.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())
}

/** Redirects looked up by path; see createRedirectTable. */
export interface RedirectTable {
  /** The rule for a request path, chains already followed, or undefined. */
  get(pathname: string): RedirectRule | undefined
  readonly size: number
}

/**
 * The editors' redirects as a map from path to final target. Chains (a → b → c) are collapsed so a
 * visitor makes one hop; a chain with any temporary (302) step stays temporary. Rules that loop
 * back to themselves, whose `from` or `to` is invalid, whose `from` is the product's own path, or
 * that leave `siteOrigin` without an admin's `allowOffsite`, are left out, never served.
 */
export function createRedirectTable(
  rules: { from?: unknown; to?: unknown; status?: unknown; allowOffsite?: unknown }[],
  siteOrigin?: string,
): RedirectTable {
  const direct = new Map<string, RedirectRule>()
  for (const rule of rules) {
    const from = normalizeRedirectFrom(rule.from)
    if (!from || redirectTargetProblem(rule.to) !== null || redirectFromProblem(from) !== null) continue
    // Rows saved before the admin-only flag existed are held to it too.
    if (rule.allowOffsite !== true && isOffsiteTarget(String(rule.to).trim(), siteOrigin)) continue
    const status = Number(rule.status) === 302 ? 302 : 301
    direct.set(from, { from, to: canonicalTarget(String(rule.to).trim()), status })
  }

  const resolved = new Map<string, RedirectRule>()
  for (const [from, rule] of direct) {
    let { to, status } = rule
    const seen = new Set([from])
    let loop = false
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      if (!to.startsWith('/')) break
      const key = matchKey(to.split(/[?#]/, 1)[0]!)
      if (seen.has(key)) {
        loop = true
        break
      }
      const next = direct.get(key)
      if (!next) break
      seen.add(key)
      to = next.to
      if (next.status === 302) status = 302
      if (hop === MAX_HOPS - 1) loop = true
    }
    if (!loop) resolved.set(from, { from, to, status })
  }

  return {
    get: (pathname) => resolved.get(matchKey(pathname)),
    get size() {
      return resolved.size
    },
  }
}

/**
 * What a GET or HEAD request should be answered with before any rendering: an editor's redirect
 * (with the request's query string kept), else a 301 to the canonical form of a non-canonical
 * path, else null (render it).
 * @example redirectFor('/Old/', '?utm_source=x', table) // { status: 301, location: '/new?utm_source=x' }
 */
export function redirectFor(pathname: string, search: string, table: RedirectTable): RedirectAnswer | null {
  const rule = table.get(pathname)
  if (rule) return { status: rule.status, location: withQuery(rule.to, search) }
  const canonical = canonicalPath(pathname)
  return canonical === null ? null : { status: 301, location: withQuery(canonical, search) }
}
