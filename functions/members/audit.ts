/** What the audit log records about people's data rights: members', and leads' who have no account. */
export type AuditAction = 'member-data-exported' | 'member-erased' | 'lead-data-exported' | 'lead-erased'

/** Who asked: the member on the account page, an admin on someone's behalf, or sales for their own lead. */
export type AuditActor = 'member' | 'admin' | 'sales'

/**
 * One line of the audit log. It names the member or the lead by id only: after an erasure the log
 * must not hold the personal data it records the removal of.
 */
export interface AuditEntry {
  action: AuditAction
  memberId?: string
  leadId?: string
  actor: AuditActor
  at: string
  details: Record<string, unknown>
}

type Options = { actor: AuditActor; now: Date; details?: Record<string, unknown> }

/**
 * The audit entry for an action on a member's data.
 * @example auditEntry('member-data-exported', 7, { actor: 'member', now: new Date() })
 */
export function auditEntry(action: AuditAction, memberId: string | number, { actor, now, details = {} }: Options): AuditEntry {
  return { action, memberId: String(memberId), actor, at: now.toISOString(), details }
}

/**
 * The audit entry for an action on the data of a lead who is not a member.
 * @example leadAuditEntry('lead-erased', 12, { actor: 'sales', now: new Date() })
 */
export function leadAuditEntry(action: AuditAction, leadId: string | number, { actor, now, details = {} }: Options): AuditEntry {
  return { action, leadId: String(leadId), actor, at: now.toISOString(), details }
}
