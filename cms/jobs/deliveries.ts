import type { PayloadRequest, TaskConfig } from 'payload'

import type { Lead } from '../payload-types'
import { describeDeliveryProblem, isProblemOf, type DeliveryKind } from '../../functions/notifications/delivery-problem'
import { alertAdmins } from './adminAlert'
import { serialize } from '../../functions/concurrency/serialize'
import { DeliveryFailed } from './tracked'

/** How many times a delivery (sales email, autoresponder, webhook) is tried before an admin is shown it failed. */
export const DELIVERY_ATTEMPTS = 5

/**
 * The first wait before a retry; tests shorten it (DELIVERY_BACKOFF_MS) to drive an outage's
 * retries without waiting a minute.
 */
const BACKOFF_MS = Number(process.env.DELIVERY_BACKOFF_MS) || 2000

/**
 * The retries of every delivery task: Payload's `attempts` counts retries after the first try, so
 * DELIVERY_ATTEMPTS tries in all, waiting 2 s, 4 s, 8 s and 16 s between them.
 */
export const deliveryRetries: TaskConfig['retries'] = { attempts: DELIVERY_ATTEMPTS - 1, backoff: { type: 'exponential', delay: BACKOFF_MS } }

/** The input every delivery task is queued with. */
export const submissionInputSchema = [{ name: 'submissionId', type: 'text' as const, required: true }]

type Delivery = NonNullable<Lead['deliveries']>[number]

/** Whether this run of a job is its last try: `totalTried` counts the tries before this one. */
export function isLastAttempt(job: { totalTried?: number | null }): boolean {
  return (job.totalTried ?? 0) + 1 >= DELIVERY_ATTEMPTS
}

/**
 * Appends one delivery attempt to the lead's log, which sales and admins read in the CMS; a failed
 * last attempt sets the lead's delivery problem, and a success of the same kind clears it.
 */
export async function recordDelivery(
  req: PayloadRequest,
  leadId: string | number,
  delivery: { kind: DeliveryKind; status: 'sent' | 'failed'; to: string; providerId?: string; reason?: string },
  lastAttempt: boolean,
  jobId?: string | number,
): Promise<void> {
  let problem: string | null = null
  await serialize(`lead:${leadId}`, async () => {
    // Without its joins (submissions, touches): a campaign's burst runs this for every lead.
    const lead = await req.payload.findByID({ collection: 'leads', id: leadId, depth: 0, joins: false })
    const row: Delivery = { ...delivery, at: new Date().toISOString() }
    const data: Partial<Lead> = { deliveries: [...(lead.deliveries ?? []), row] }
    if (delivery.status === 'sent' && isProblemOf(lead.deliveryProblem, delivery.kind)) data.deliveryProblem = null
    if (delivery.status === 'failed' && lastAttempt) {
      problem = describeDeliveryProblem({ kind: delivery.kind, to: delivery.to, attempts: DELIVERY_ATTEMPTS, reason: delivery.reason ?? '' })
      data.deliveryProblem = problem
    }
    await req.payload.update({ collection: 'leads', id: leadId, data, depth: 0 })
  })
  if (problem) await alertAdmins(req, { leadId, problem, key: `delivery-problem/${leadId}/${delivery.kind}/${jobId ?? 'manual'}` })
}

/**
 * Makes one attempt at a delivery and logs it on the lead: sent with the provider's id, or failed
 * with the reason, and then throws again so that Payload retries the job.
 * @example const providerId = await attemptDelivery({ req, job, leadId, kind: 'autoresponder', to }, () => send())
 */
export async function attemptDelivery(
  { req, job, leadId, kind, to }: { req: PayloadRequest; job: { id?: string | number; totalTried?: number | null }; leadId: string | number; kind: DeliveryKind; to: string },
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
  await recordDelivery(req, leadId, { kind, status: 'sent', to, providerId }, false)
  return providerId
}
