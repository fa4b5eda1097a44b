import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

import type { ThrottleStore } from '../members/throttle'

/**
 * The `state` of a WeChat sign-in, bound to the browser that started it. WeChat allows only
 * [a-zA-Z0-9] and 128 bytes, so the state is hex: a nonce, its expiry and a MAC over both and the
 * browser's cookie. The cookie carries the intent (which app, scope, member, where to go next) and a
 * random binding; the MAC makes the pair unforgeable, the store makes the state single-use.
 */
export interface LoginIntent {
  /** `mp`: the official account's web authorisation inside WeChat; `web`: the open platform's QR login. */
  app: 'mp' | 'web'
  scope: 'snsapi_base' | 'snsapi_userinfo' | 'snsapi_login'
  /** The member signed in when the sign-in started: WeChat is then joined to their account. */
  member: string | null
  /** Whether the visitor agreed to share their WeChat name and avatar. */
  profile: boolean
  next: string
  locale: string
}

/** A state is good for this long: the visitor scans or taps within it. */
export const LOGIN_STATE_TTL_MS = 10 * 60_000

export type StateRefusal = 'no-cookie' | 'forged' | 'expired' | 'used'

export class LoginStateError extends Error {
  override name = 'LoginStateError'
  constructor(readonly reason: StateRefusal) {
    super(`The WeChat sign-in state was refused: ${reason}.`)
  }
}

const mac = (secret: string, nonce: string, expires: string, cookie: string) =>
  createHmac('sha256', `wechat-login-state:${secret}`).update(`${nonce}|${expires}|${cookie}`).digest('hex').slice(0, 32)

const encodeIntent = (intent: LoginIntent) => Buffer.from(JSON.stringify(intent), 'utf8').toString('base64url')

function decodeIntent(text: string): LoginIntent | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as LoginIntent
    const ok =
      (value.app === 'mp' || value.app === 'web') &&
      ['snsapi_base', 'snsapi_userinfo', 'snsapi_login'].includes(value.scope) &&
      typeof value.next === 'string' &&
      typeof value.locale === 'string' &&
      typeof value.profile === 'boolean' &&
      (value.member === null || typeof value.member === 'string')
    return ok ? value : null
  } catch {
    // Not ours: a cookie that does not parse is refused as forged by the caller.
    return null
  }
}

/**
 * A new state and the cookie value that goes with it.
 * @example const { state, cookie } = createLoginState(intent, { secret, now: new Date() }) // state: 64 hex digits
 */
export function createLoginState(intent: LoginIntent, { secret, now }: { secret: string; now: Date }): { state: string; cookie: string } {
  const cookie = `${encodeIntent(intent)}.${randomBytes(16).toString('base64url')}`
  const nonce = randomBytes(12).toString('hex')
  const expires = Math.floor((now.getTime() + LOGIN_STATE_TTL_MS) / 1000)
    .toString(16)
    .padStart(8, '0')
  return { state: `${nonce}${expires}${mac(secret, nonce, expires, cookie)}`, cookie }
}

/**
 * Checks a state that came back from WeChat against this browser's cookie and spends it: refused
 * (LoginStateError) without the cookie, when either was changed or made elsewhere, after ten
 * minutes, and the second time. The spent-state memory is a ThrottleStore, shared by every process.
 */
export async function openLoginState(
  state: string | null,
  cookie: string | null,
  { secret, store, now }: { secret: string; store: ThrottleStore; now: Date },
): Promise<LoginIntent> {
  if (!cookie) throw new LoginStateError('no-cookie')
  const match = /^([0-9a-f]{24})([0-9a-f]{8})([0-9a-f]{32})$/.exec(state ?? '')
  if (!match) throw new LoginStateError('forged')
  // Three groups, none optional: each is a string when the pattern matched.
  const [, nonce, expires, given] = match as RegExpExecArray & [string, string, string, string]
  const expected = mac(secret, nonce, expires, cookie)
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(given))) throw new LoginStateError('forged')
  const intent = decodeIntent(cookie.split('.')[0] ?? '')
  if (!intent) throw new LoginStateError('forged')
  if (parseInt(expires, 16) * 1000 <= now.getTime()) throw new LoginStateError('expired')
  let used = false
  await store.update(
    `wechat-state:${nonce}`,
    (seen) => {
      used = seen !== null && seen !== undefined
      return seen ?? { at: now.getTime() }
    },
    LOGIN_STATE_TTL_MS * 2,
  )
  if (used) throw new LoginStateError('used')
  return intent
}
