import type { Payload } from 'payload'

import { hashAddress } from '../../functions/broadcasts/recipients'
import type { SUPPRESSION_REASONS } from '../collections/broadcasts/Suppressions'
import { relation } from './relation'

/**
 * Suppresses an address for every later send, keeping only its hash. Suppressing twice keeps the
 * first reason: the unique hash refuses the second row, which is expected.
 */
export async function suppressAddress(
  payload: Payload,
  email: string,
  reason: (typeof SUPPRESSION_REASONS)[number],
  at: Date,
): Promise<void> {
  const addressHash = hashAddress(email)
  const { totalDocs } = await payload.count({
    collection: 'suppressions',
    where: { addressHash: { equals: addressHash } },
    overrideAccess: true,
  })
  if (totalDocs > 0) return
  await payload
    .create({ collection: 'suppressions', data: { addressHash, reason, at: at.toISOString() }, overrideAccess: true, depth: 0, select: {} })
    .catch((error: unknown) => {
      payload.logger.info({ err: error }, 'The address was suppressed by another request at the same time.')
    })
}

/** Records a site event of a broadcast (a click, an unsubscribe) under an id of its own; a repeat of the same id is dropped. */
export async function recordEvent(
  payload: Payload,
  event: { eventId: string; type: 'clicked' | 'unsubscribed'; broadcast: string; recipient: string; url?: string; at: Date },
): Promise<void> {
  const exists = await payload.count({
    collection: 'broadcast-events',
    where: { eventId: { equals: event.eventId } },
    overrideAccess: true,
  })
  if (exists.totalDocs > 0) return
  await payload.create({
    collection: 'broadcast-events',
    data: {
      eventId: event.eventId,
      type: event.type,
      broadcast: relation(event.broadcast),
      recipient: event.recipient,
      url: event.url,
      at: event.at.toISOString(),
    },
    overrideAccess: true,
    depth: 0,
    select: {},
  })
}
