/**
 * The mailbox of the List-Unsubscribe mailto link of broadcasts and sequences: UNSUBSCRIBE_MAILBOX,
 * or unsubscribe@ the sender's domain.
 * @example unsubscribeMailbox() // 'unsubscribe@brand.example' with EMAIL_FROM='Brand <news@brand.example>'
 */
export function unsubscribeMailbox(): string {
  if (process.env.UNSUBSCRIBE_MAILBOX) return process.env.UNSUBSCRIBE_MAILBOX
  const from = process.env.EMAIL_FROM || 'noreply@example.com'
  return `unsubscribe@${from.match(/@([^>\s]+)/)?.[1] ?? 'example.com'}`
}
