import type { PayloadRequest, TaskConfig } from 'payload'

import { type DeliveryKind, describeDeliveryProblem, isProblemOf } from '../../functions/notifications/delivery-problem'
import { alertAdmins } from './adminAlert'
import { DeliveryFailed } from './tracked'

/**
 * How many times a delivery (sales email, autoresponder, webhook) is tried before an admin is shown
 * it failed: seven tries span about two minutes, so a mail outage of a minute loses nothing.
 */
export const DELIVERY_ATTEMPTS = 7

/**
 * The first wait before a retry; tests shorten it (DELIVERY_BACKOFF_MS) to drive an outage's
 * retries without waiting a minute.
 */
const BACKOFF_MS = Number(process.env.DELIVERY_BACKOFF_MS) || 2000

/**
 * The retries of every delivery task: Payload's `attempts` counts retries after the first try, so
 * DELIVERY_ATTEMPTS tries in all, waiting 2, 4, 8, 16, 32 and 64 s between them (126 s).
 */
export const deliveryRetries: TaskConfig['retries'] = {
  attempts: DELIVERY_ATTEMPTS - 1,
  backoff: { type: 'exponential', delay: BACKOFF_MS },
}

/** The input every delivery task is queued with. */
export const submissionInputSchema = [{ name: 'submissionId', type: 'text' as const, required: true }]

/** Whether this run of a job is its last try: `totalTried` counts the tries before this one. */
export function isLastAttempt(job: { totalTried?: number | null }): boolean {
  return (job.totalTried ?? 0) + 1 >= DELIVERY_ATTEMPTS
}

/**
 * Records one delivery attempt for the lead, which sales and admins read in the CMS: one insert of a
 * row of its own (lead-deliveries), so attempts made at the same moment, in any process, never
 * overwrite each other. A failed last attempt sets the lead's delivery problem, and a success of the
 * same kind clears it; each is an update of that one column, never a rewrite of the lead.
 */
export async function recordDelivery(
  req: PayloadRequest,
  leadId: string | number,
  delivery: { kind: DeliveryKind; status: 'sent' | 'failed'; to: string; providerId?: string; reason?: string },
  lastAttempt: boolean,
  jobId?: string | number,
): Promise<void> {
  const lead = typeof leadId === 'number' ? leadId : Number(leadId) || leadId
  await req.payload.create({
    collection: 'lead-deliveries',
    data: { lead: lead as number, ...delivery, job: jobId === undefined ? undefined : String(jobId), at: new Date().toISOString() },
    depth: 0,
    select: {},
  })
  if (delivery.status === 'sent') {
    const { deliveryProblem } = await req.payload.findByID({
      collection: 'leads',
      id: leadId,
      depth: 0,
      joins: false,
      select: { deliveryProblem: true },
    })
    // Cleared only if it is still the problem just read: a problem set meanwhile by another kind stays.
    if (isProblemOf(deliveryProblem, delivery.kind)) {
      await req.payload.db.updateOne({
        collection: 'leads',
        where: { and: [{ id: { equals: leadId } }, { deliveryProblem: { equals: deliveryProblem } }] },
        data: { deliveryProblem: null },
        returning: false,
      })
    }
    return
  }
  if (!lastAttempt) return
  const problem = describeDeliveryProblem({
    kind: delivery.kind,
    to: delivery.to,
    attempts: DELIVERY_ATTEMPTS,
    reason: delivery.reason ?? '',
  })
  await req.payload.db.updateOne({ collection: 'leads', id: leadId, data: { deliveryProblem: problem }, returning: false })
  await alertAdmins(req, { leadId, problem, key: `delivery-problem/${leadId}/${delivery.kind}/${jobId ?? 'manual'}` })
}

/**
 * Makes one attempt at a delivery and logs it on the lead: sent with the provider's id, or failed
 * with the reason, and then throws again so that Payload retries the job.
 * @example const providerId = await attemptDelivery({ req, job, leadId, kind: 'autoresponder', to }, () => send())
 */
export async function attemptDelivery(
  {
    req,
    job,
    leadId,
    kind,
    to,
  }: {
    req: PayloadRequest
    job: { id?: string | number; totalTried?: number | null }
    leadId: string | number
    kind: DeliveryKind
    to: string
  },
  send: () => Promise<string>,
): Promise<string> {
  let providerId: string
  try {
    providerId = await send()
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500)
    await recordDelivery(req, leadId, { kind, status: 'failed', to, reason }, isLastAttempt(job), job.id)
    // Names the lead in the worker's one-line log of the failed attempt (see ./tracked.ts).
    throw new DeliveryFailed(reason, leadId)
  }
  await recordDelivery(req, leadId, { kind, status: 'sent', to, providerId }, false, job.id)
  return providerId
}
