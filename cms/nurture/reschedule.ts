import type { CollectionAfterChangeHook } from 'payload'

import { nextStep } from '../../functions/nurture/sequences'
import { readSequences } from './definitions'

/**
 * After a sequence is edited, everyone waiting in it gets their next step's due time from the
 * sequence as it is now: a shorter delay reaches them sooner, a longer one later.
 */
export const rescheduleAfterEdit: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'update') return doc
  const sequence = (await readSequences(req.payload)).find((s) => String(s.id) === String(doc.id))
  if (!sequence) return doc
  const { docs } = await req.payload.find({
    collection: 'sequence-enrolments',
    where: { sequence: { equals: doc.id }, status: { equals: 'active' }, sending: { exists: false } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const e of docs) {
    const next = nextStep(sequence, {
      lastStepAt: e.lastStepAt ?? null,
      enrolledAt: e.enrolledAt,
      sentSteps: Array.isArray(e.sentSteps) ? e.sentSteps.map(String) : [],
    })
    const nextDueAt = next?.dueAt ?? e.nextDueAt ?? null
    if (nextDueAt !== e.nextDueAt)
      await req.payload.update({ collection: 'sequence-enrolments', id: e.id, data: { nextDueAt }, depth: 0, overrideAccess: true, req })
  }
  return doc
}
