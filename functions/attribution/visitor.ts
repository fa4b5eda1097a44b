import { randomBytes } from 'node:crypto'

/** The first-party cookie that names a browser; httpOnly, so no script on the page reads it. */
export const VISITOR_COOKIE = 'bs_visitor'
/** The visitor's answer to the cookie banner when the brand asks for consent: 'yes' or 'no'. */
export const CONSENT_COOKIE = 'bs_consent'
/** About 13 months: what browsers allow at most, and what privacy regulators expect at most. */
export const VISITOR_COOKIE_DAYS = 395

const VISITOR_ID = /^v[A-Za-z0-9_-]{22}$/

/**
 * A new visitor id: 128 random bits, base64url, with a 'v' so that it never reads as a number.
 * @example newVisitorId().length // 23
 */
export function newVisitorId(random: (size: number) => Uint8Array = randomBytes): string {
  return `v${Buffer.from(random(16)).toString('base64url')}`
}

/** Whether a cookie value is a visitor id this site issued (the shape, not a database lookup). */
export function isVisitorId(value: unknown): value is string {
  return typeof value === 'string' && VISITOR_ID.test(value)
}

/** The one Cookie-header reader of the product, re-exported where attribution's callers find it. */
export { readCookie } from '../http/cookies'

/**
 * The Set-Cookie value that gives a browser its visitor id: httpOnly, SameSite=Lax (it must
 * arrive with the first navigation from WeChat or a search engine), Secure on https sites.
 */
export function visitorCookie(id: string, secure: boolean): string {
  return `${VISITOR_COOKIE}=${id}; Path=/; Max-Age=${VISITOR_COOKIE_DAYS * 86_400}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

/**
 * The Set-Cookie value that keeps the visitor's consent answer. Not httpOnly, on purpose: it names
 * nobody (only 'yes' or 'no'), and the banner's one-line script must see it to stay hidden on
 * pages served to everyone from the same cache.
 */
export function consentCookie(answer: 'yes' | 'no', secure: boolean): string {
  return `${CONSENT_COOKIE}=${answer}; Path=/; Max-Age=${VISITOR_COOKIE_DAYS * 86_400}; SameSite=Lax${secure ? '; Secure' : ''}`
}
