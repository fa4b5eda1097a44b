import { createHash } from 'node:crypto'

/**
 * An email address as it may appear in an Idempotency-Key: the first 24 hex digits of the SHA-256
 * of the address, trimmed and lower-cased. Resend stores and logs keys, so a key names what an
 * email is without carrying the person's address; the same address always gives the same key.
 * @example addressHash(' Ada@Example.com') // 'b5fc85e55755f9e0d030a10a', the same as addressHash('ada@example.com')
 */
export function addressHash(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest('hex').slice(0, 24)
}

/**
 * The Idempotency-Key of a lead's sales email: one per submission and recipient.
 * @example salesEmailKey(12, 'sales@brand.example') // 'lead-email/12/<addressHash>'
 */
export function salesEmailKey(submissionId: string | number, recipient: string): string {
  return `lead-email/${submissionId}/${addressHash(recipient)}`
}

/**
 * The Idempotency-Key of a submission's autoresponder: one per submission and visitor address.
 * @example autoresponderKey(12, 'ada@example.com') // 'autoresponder/12/<addressHash>'
 */
export function autoresponderKey(submissionId: string | number, to: string): string {
  return `autoresponder/${submissionId}/${addressHash(to)}`
}

/**
 * The key of an email sent without one of its own (Payload's password reset): from its recipients,
 * subject and the moment, hashed, so that nothing personal reaches the provider's logs.
 * @example unnamedEmailKey(['ada@example.com'], 'Reset your password', 1767225600000) // 'email/<hash>'
 */
export function unnamedEmailKey(to: readonly string[], subject: string, at: number): string {
  return `email/${createHash('sha256')
    .update(`${to.map((a) => a.trim().toLowerCase()).join(',')}\n${subject}\n${at}`)
    .digest('hex')
    .slice(0, 40)}`
}

/**
 * The Idempotency-Key of a content offer's download email: one per submission and visitor address.
 * @example downloadKey(12, 'ada@example.com') // 'download/12/<addressHash>'
 */
export function downloadKey(submissionId: string | number, to: string): string {
  return `download/${submissionId}/${addressHash(to)}`
}
