import { createHash, randomBytes } from 'node:crypto'

/** The cookie that holds a member's session token; never the name Payload uses for CMS users (`cms-token`). */
export const MEMBER_COOKIE = 'bs_member'
/** A session lives 30 days after it was last used. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000
/** How stale lastSeenAt may get before a request writes it again: one write per session per 5 minutes, not per request. */
export const SESSION_TOUCH_MS = 5 * 60_000

const TOKEN = /^[A-Za-z0-9_-]{43}$/

/**
 * A new session token: 256 random bits, base64url.
 * @example newSessionToken().length // 43
 */
export function newSessionToken(random: (size: number) => Uint8Array = randomBytes): string {
  return Buffer.from(random(32)).toString('base64url')
}

/** Whether a cookie value has the shape of a token this site issued (before any lookup). */
export function isSessionToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value)
}

/** What is stored for a token: its SHA-256 in hex (the token has 256 bits, so no salt or slow hash is needed). */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * The Set-Cookie value of a session: httpOnly, SameSite=Lax (sent on the top-level navigation
 * from an email or WeChat, not on cross-site posts), Secure on https sites.
 * @example sessionCookie(token, true) // 'bs_member=…; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure'
 */
export function sessionCookie(token: string, secure: boolean): string {
  return (
    `${MEMBER_COOKIE}=${token}; Path=/; Max-Age=${Math.floor(SESSION_TTL_MS / 1000)}; HttpOnly; ` +
    `SameSite=Lax${secure ? '; Secure' : ''}`
  )
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${MEMBER_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

/**
 * A user agent short enough to show in the sessions list: browser and system, at most 120 characters.
 * @example shortUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) … MicroMessenger/8.0.47') // 'WeChat on iPhone'
 */
export function shortUserAgent(userAgent: string | null | undefined): string {
  const ua = typeof userAgent === 'string' ? userAgent.slice(0, 1000) : ''
  if (!ua) return 'Unknown browser'
  const browser = /MicroMessenger/i.test(ua)
    ? 'WeChat'
    : /Weibo/i.test(ua)
      ? 'Weibo'
      : /Edg\//.test(ua)
        ? 'Edge'
        : /Firefox\//.test(ua)
          ? 'Firefox'
          : /Chrome\/|Chromium\//.test(ua)
            ? 'Chrome'
            : /Safari\//.test(ua)
              ? 'Safari'
              : null
  const system = /iPhone/.test(ua)
    ? 'iPhone'
    : /iPad/.test(ua)
      ? 'iPad'
      : /Android/.test(ua)
        ? 'Android'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Mac OS X|Macintosh/.test(ua)
            ? 'macOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null
  if (browser && system) return `${browser} on ${system}`
  return (browser ?? system ?? ua.replace(/[^\x20-\x7e]/g, '').slice(0, 120)) || 'Unknown browser'
}
