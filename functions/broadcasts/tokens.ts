import { readSignedToken, signToken } from '../content/signed-token'

/** A tracked link in a broadcast: who got it, in which broadcast, and where it leads. */
export interface LinkGrant {
  broadcast: string
  recipient: string
  url: string
}

/** Who leaves which topic through an unsubscribe link of a broadcast. */
export interface LeaveGrant {
  broadcast: string
  recipient: string
  topic: string
}

function requireSecret(secret: string): void {
  if (!secret) throw new Error('Broadcast links need a server secret; pass PAYLOAD_SECRET.')
}

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max

/**
 * The token of `/l/<token>`: signed so nobody can count clicks for someone else or turn the brand's
 * domain into an open redirect; it does not expire, as a newsletter is read months later.
 * @example `${site}/l/${signLinkToken({ broadcast: '3', recipient: 'm:7', url: 'https://brand.example/a' }, secret)}`
 */
export function signLinkToken({ broadcast, recipient, url }: LinkGrant, secret: string): string {
  requireSecret(secret)
  return signToken({ b: broadcast, r: recipient, u: url }, 'broadcast-link', secret)
}

/** The grant inside a link token, or null when it is malformed or not signed here. */
export function readLinkToken(token: unknown, secret: string): LinkGrant | null {
  if (typeof token !== 'string' || token.length > 4096) return null
  requireSecret(secret)
  const body = readSignedToken(token, 'broadcast-link', secret) as { b?: unknown; r?: unknown; u?: unknown } | null
  if (!body || !isText(body.b, 64) || !isText(body.r, 64) || !isText(body.u, 2048) || !/^https?:\/\//i.test(body.u)) return null
  return { broadcast: body.b, recipient: body.r, url: body.u }
}

/**
 * The token of a broadcast's one-click unsubscribe link (RFC 8058): works signed out, for members
 * and for leads without an account, and names the broadcast so the stats count it.
 */
export function signLeaveToken({ broadcast, recipient, topic }: LeaveGrant, secret: string): string {
  requireSecret(secret)
  return signToken({ b: broadcast, r: recipient, t: topic }, 'broadcast-unsubscribe', secret)
}

/** The grant inside an unsubscribe token, or null when it is malformed or not signed here. */
export function readLeaveToken(token: unknown, secret: string): LeaveGrant | null {
  if (typeof token !== 'string' || token.length > 1024) return null
  requireSecret(secret)
  const body = readSignedToken(token, 'broadcast-unsubscribe', secret) as { b?: unknown; r?: unknown; t?: unknown } | null
  if (!body || !isText(body.b, 64) || !isText(body.r, 64) || typeof body.t !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(body.t))
    return null
  return { broadcast: body.b, recipient: body.r, topic: body.t }
}
