import type { Where } from 'payload'

import type { AuditEntry } from '../../functions/members/audit'
import type { ErasurePlan } from '../../functions/members/erasure-plan'
import type { Id } from '../../functions/members/records'
import type { MembersStore } from '../../functions/members/store'
import { type MembersDb, toRelation } from './records'

/** Data rights: the audit log, and carrying out an erasure plan. */
export function erasureStore({ payload, base }: MembersDb) {
  const store = {
    async audit(entry: AuditEntry): Promise<void> {
      await payload.create({ collection: 'audit-log', data: entry, ...base, select: {} })
    },
    async idsOf(
      collection: 'consent-log' | 'points-ledger' | 'member-codes' | 'outbox' | 'member-sessions' | 'members' | 'lead-deliveries',
      where: Where,
    ): Promise<Id[]> {
      return (await payload.find({ collection, where, ...base, limit: 0, pagination: false, select: {} })).docs.map((d) => d.id)
    },
    /** Carries out an erasure plan: anonymise, then delete (children before the member), then the audit entry. */
    async applyErasure(plan: ErasurePlan): Promise<void> {
      for (const step of plan.anonymise)
        await payload.update({
          collection: step.collection as 'leads',
          id: toRelation(step.id),
          data: step.data,
          ...base,
          select: {},
        })
      for (const step of plan.delete)
        await payload
          .delete({ collection: step.collection as 'leads', id: toRelation(step.id), ...base, select: {} })
          .catch((error: unknown) => {
            // Already gone (an earlier, interrupted erasure): the plan's end state holds.
            if ((error as { status?: number })?.status !== 404) throw error
          })
      await store.audit(plan.audit)
    },
  } satisfies Partial<MembersStore>
  return store
}
