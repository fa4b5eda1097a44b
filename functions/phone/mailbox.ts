import { randomBytes } from 'node:crypto'

/**
 * Members are keyed by a unique email today; a member who signed up with a phone only is given an
 * address under `.invalid` (RFC 2606: it can never be delivered) until they add a real one. It holds
 * nothing about the person (random, not the number), so nothing leaks through places that show emails.
 */
export const NO_MAILBOX_DOMAIN = 'no-mailbox.invalid'

/**
 * A fresh placeholder address for a member without an email.
 * @example placeholderEmail() // 'phone-3f9a…@no-mailbox.invalid'
 */
export function placeholderEmail(random: (size: number) => Uint8Array = randomBytes): string {
  return `phone-${Buffer.from(random(12)).toString('hex')}@${NO_MAILBOX_DOMAIN}`
}

/** Whether an address can receive mail (it is not a placeholder): mail to a placeholder is never queued. */
export function hasMailbox(email: string | null | undefined): boolean {
  return typeof email === 'string' && email.includes('@') && !email.toLowerCase().endsWith(`@${NO_MAILBOX_DOMAIN}`)
}
