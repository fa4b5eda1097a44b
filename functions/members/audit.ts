/** What the audit log records about members' data rights. */
export type AuditAction = 'member-data-exported' | 'member-erased'

/**
 * One line of the audit log. It names the member by id only: after an erasure the log must not
 * hold the personal data it records the removal of.
 */
export interface AuditEntry {
  action: AuditAction
  memberId: string
  /** Who asked: the member on the account page, or an admin on their behalf. */
  actor: 'member' | 'admin'
  at: string
  details: Record<string, unknown>
}

/**
 * The audit entry for an action on a member's data.
 * @example auditEntry('member-data-exported', 7, { actor: 'member', now: new Date() })
 */
export function auditEntry(
  action: AuditAction,
  memberId: string | number,
  { actor, now, details = {} }: { actor: 'member' | 'admin'; now: Date; details?: Record<string, unknown> },
): AuditEntry {
  return { action, memberId: String(memberId), actor, at: now.toISOString(), details }
}
