import { hasMailbox } from '../phone/mailbox'

/**
 * Whether a member has proved who they are, so that a lead's data may reach them: a confirmed
 * email, or (for a member without a mailbox, who exists only through a phone code) their number.
 * Anyone can sign up with someone else's email; until it is confirmed they see nothing of leads.
 * @example isConfirmed({ email: 'a@example.com', emailVerifiedAt: null }) // false
 */
export function isConfirmed(member: { email: string; emailVerifiedAt: string | null }): boolean {
  return Boolean(member.emailVerifiedAt) || !hasMailbox(member.email)
}
