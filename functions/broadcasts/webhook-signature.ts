import { createHmac, timingSafeEqual } from 'node:crypto'

/** The three headers Resend (through Svix) signs a webhook with. */
export interface SvixHeaders {
  id: string | null | undefined
  timestamp: string | null | undefined
  signature: string | null | undefined
}

export type SvixVerdict = { ok: true } | { ok: false; reason: 'unsigned' | 'stale' | 'bad-signature' | 'no-secret' }

/** Svix's signature of one delivery: base64 HMAC-SHA256 of `<id>.<timestamp>.<body>`, keyed by the secret's base64 part. */
function svixSignature(secret: string, id: string, timestamp: string, body: string): Buffer {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64')
  return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest()
}

/**
 * Whether a webhook is genuine and fresh, as Resend documents it (Svix): one of the space-separated
 * `v1,<base64>` signatures matches the raw body, and the timestamp is within five minutes of `now`.
 * @param now the receiver's clock in unix seconds
 * @example verifySvix('whsec_…', { id, timestamp, signature }, rawBody, Date.now() / 1000)
 */
export function verifySvix(secret: string, headers: SvixHeaders, body: string, now: number, toleranceSeconds = 300): SvixVerdict {
  if (!secret) return { ok: false, reason: 'no-secret' }
  const { id, timestamp, signature } = headers
  if (!id || !timestamp || !signature || id.length > 256 || signature.length > 2048) return { ok: false, reason: 'unsigned' }
  if (!/^[0-9]{1,12}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'stale' }
  const expected = svixSignature(secret, id, timestamp, body)
  for (const part of signature.split(' ')) {
    const [version, value] = part.split(',')
    if (version !== 'v1' || !value) continue
    const given = Buffer.from(value, 'base64')
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true }
  }
  return { ok: false, reason: 'bad-signature' }
}
