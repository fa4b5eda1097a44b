import { createHmac, timingSafeEqual } from 'node:crypto'

const PREFIX = 'sha256='

/**
 * The `x-webhook-signature` header for one delivery: HMAC-SHA256 of `<timestamp>.<body>` with the
 * form's secret, in hex. Signing the timestamp too lets a receiver refuse replays of old deliveries.
 * @example signWebhook('secret', 1700000000, '{}') // 'sha256=…'
 */
export function signWebhook(secret: string, timestamp: number | string, body: string): string {
  return PREFIX + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

/**
 * Whether a received webhook is genuine and fresh: the signature header matches the raw body and
 * timestamp (compared in constant time), and the timestamp is within `toleranceSeconds` of `now`.
 * @param now the receiver's clock, in unix seconds
 * @example verifyWebhook(secret, req.headers['x-webhook-signature'], req.headers['x-webhook-timestamp'], rawBody, Date.now() / 1000)
 */
export function verifyWebhook(
  secret: string,
  header: string | null | undefined,
  timestamp: number | string | null | undefined,
  body: string,
  now: number,
  toleranceSeconds = 300,
): boolean {
  if (typeof header !== 'string' || !/^sha256=[0-9a-f]{64}$/.test(header)) return false
  const stamp = String(timestamp ?? '')
  if (!/^[0-9]{1,12}$/.test(stamp) || Math.abs(now - Number(stamp)) > toleranceSeconds) return false
  // The signature covers the timestamp exactly as sent, so it is signed again as received.
  const expected = Buffer.from(signWebhook(secret, stamp, body).slice(PREFIX.length), 'hex')
  return timingSafeEqual(expected, Buffer.from(header.slice(PREFIX.length), 'hex'))
}
