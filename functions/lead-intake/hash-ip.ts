import { createHmac } from 'node:crypto'

/** A keyed hash of an IP address: enough to count repeats, never the address itself. */
export function hashIp(ip: string, secret: string): string {
  return createHmac('sha256', `ip:${secret}`).update(ip).digest('hex').slice(0, 32)
}
