import type { Payload, Where } from 'payload'

/** Why a submission was refused, as counted. */
export type RefusalReason = 'invalid' | 'too-large' | 'unreadable' | 'wrong-type' | 'unknown-form' | 'rate-limited'

/** One tally to add: refusals of a form on a day for a reason. */
export interface RefusalCount {
  day: string
  form: string
  reason: RefusalReason
  count: number
}

/** Adds tallies to the stored counters (one row per day, form and reason). */
export async function addRefusalCounts(payload: Payload, counts: RefusalCount[]): Promise<void> {
  for (const { day, form, reason, count } of counts) {
    const where: Where = { and: [{ day: { equals: day } }, { form: { equals: form } }, { reason: { equals: reason } }] }
    const { docs } = await payload.find({ collection: 'intake-counters', where, limit: 1, depth: 0 })
    if (docs[0])
      await payload.update({ collection: 'intake-counters', id: docs[0].id, data: { count: (docs[0].count ?? 0) + count }, depth: 0 })
    else await payload.create({ collection: 'intake-counters', data: { day, form, reason, count }, depth: 0 })
  }
}
