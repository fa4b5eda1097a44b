import { createHmac, timingSafeEqual } from 'node:crypto'

/** The HMAC of a token's body, keyed per purpose so that a token made for one use is refused by every other. */
function sign(payload: string, purpose: string, secret: string): string {
  return createHmac('sha256', `${purpose}:${secret}`).update(payload).digest('base64url')
}

/**
 * A token carrying `body` as base64url JSON with its signature: `<body>.<hmac>`.
 * @example signToken({ userId: '1' }, 'preview', secret) // 'eyJ1c2VySWQiOiIxIn0.…'
 */
export function signToken(body: unknown, purpose: string, secret: string): string {
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url')
  return `${payload}.${sign(payload, purpose, secret)}`
}

/** The body of a token made by signToken for `purpose`, or null when it is malformed or its signature does not match. */
export function readSignedToken(token: unknown, purpose: string, secret: string): unknown {
  if (typeof token !== 'string') return null
  const [payload, signature, extra] = token.split('.')
  if (!payload || !signature || extra !== undefined) return null
  const expected = Buffer.from(sign(payload, purpose, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown
  } catch {
    // A body that matched its signature but is not JSON was not made here: refuse it.
    return null
  }
}
