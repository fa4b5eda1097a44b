// Member sessions: the `bs_member` cookie holds a random token; the database holds its hash.
import { siteUrl } from '../../../cms/environment'
import { hasCookie, readCookie } from '../../../functions/http/cookies'
import type { SignedIn } from '../../../functions/members/screen-model'
import {
  clearedSessionCookie,
  hashSessionToken,
  isSessionToken,
  MEMBER_COOKIE,
  newSessionToken,
  SESSION_TOUCH_MS,
  SESSION_TTL_MS,
  sessionCookie,
  shortUserAgent,
} from '../../../functions/members/session-token'
import type { StoredMember } from '../../../functions/members/store'
import { membersStore } from '../stores'
import { addressKey } from './guard'

const secure = siteUrl.startsWith('https:')

/** Whether a Cookie header carries a member cookie at all (not a sign-in), read as the session and the page cache read it. */
export function hasMemberCookie(cookie: string | null | undefined): boolean {
  return hasCookie(cookie, MEMBER_COOKIE)
}

/**
 * The member signed in on this request, or null. A session slides: each use at least 5 minutes
 * after the last pushes its end to 30 days from now (one write per 5 minutes, not per request).
 */
export async function signedIn(cookie: string | null | undefined): Promise<SignedIn | null> {
  const token = readCookie(cookie, MEMBER_COOKIE)
  if (!isSessionToken(token)) return null
  const store = await membersStore()
  const now = new Date()
  const found = await store.sessionByTokenHash(hashSessionToken(token), now)
  if (!found) return null
  if (now.getTime() - Date.parse(found.session.lastSeenAt) > SESSION_TOUCH_MS) {
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS)
    await store.touchSession(found.session.id, now, expiresAt)
    found.session = { ...found.session, lastSeenAt: now.toISOString(), expiresAt: expiresAt.toISOString() }
  }
  return found
}

/** Starts a session for a member and answers the Set-Cookie value. */
export async function startSession(member: StoredMember, request: Request, clientAddress: string): Promise<string> {
  const token = newSessionToken()
  const now = new Date()
  const store = await membersStore()
  await store.createSession({
    member: member.id,
    tokenHash: hashSessionToken(token),
    userAgent: shortUserAgent(request.headers.get('user-agent')),
    ipHash: addressKey(clientAddress),
    now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  })
  return sessionCookie(token, secure)
}

/** The Set-Cookie value that signs this browser out. */
export const signOutCookie = () => clearedSessionCookie(secure)

export type { SignedIn }
