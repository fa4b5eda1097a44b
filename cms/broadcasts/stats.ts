import type { Endpoint, Payload } from 'payload'

import { ATTRIBUTION_DAYS, type BroadcastStats, broadcastStats, cameFrom } from '../../functions/broadcasts/events'
import { roleOf } from '../access/roles'

/** The leads or members that became known within the attribution window after `sentAt`, with their touches. */
async function knownAfter(payload: Payload, collection: 'leads' | 'members', sentAt: string | null) {
  if (!sentAt) return []
  const to = new Date(Date.parse(sentAt) + ATTRIBUTION_DAYS * 86_400_000).toISOString()
  const { docs } = await payload.find({
    collection,
    where: { and: [{ createdAt: { greater_than_equal: sentAt } }, { createdAt: { less_than: to } }] },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { createdAt: true, firstTouch: true, lastTouch: true },
  })
  return docs
}

/** A broadcast's figures from its delivery rows, stored events and the people it brought (functions/broadcasts/events.ts). */
export async function statsOf(payload: Payload, broadcastId: string): Promise<BroadcastStats> {
  const where = { broadcast: { equals: broadcastId } }
  const broadcast = await payload.findByID({
    collection: 'broadcasts',
    id: broadcastId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  // From the start of the send: a reader may click the first batch's email while the last is going out.
  const sentAt = broadcast?.plannedAt ?? broadcast?.sentAt ?? null
  const [recipients, accepted, events, leads, members] = await Promise.all([
    payload.count({ collection: 'broadcast-deliveries', where, overrideAccess: true }),
    payload.count({ collection: 'broadcast-deliveries', where: { ...where, status: { equals: 'sent' } }, overrideAccess: true }),
    payload.find({
      collection: 'broadcast-events',
      where,
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { type: true, recipient: true },
    }),
    knownAfter(payload, 'leads', sentAt),
    knownAfter(payload, 'members', sentAt),
  ])
  return broadcastStats(
    { recipients: recipients.totalDocs, accepted: accepted.totalDocs },
    events.docs.map((e) => ({ type: e.type, recipient: e.recipient ?? null })),
    { leads: cameFrom(leads, broadcastId, sentAt), members: cameFrom(members, broadcastId, sentAt) },
  )
}

/** `GET /api/broadcasts/:id/stats`, for editors and admins. */
export const broadcastStatsEndpoint: Endpoint = {
  path: '/:id/stats',
  method: 'get',
  handler: async (req) => {
    const role = roleOf(req)
    if (role !== 'admin' && role !== 'editor')
      return Response.json({ errors: [{ message: 'Sign in as an editor or admin to see broadcast stats.' }] }, { status: 403 })
    const id = String(req.routeParams?.id ?? '')
    if (!/^[0-9a-f]{1,24}$/i.test(id)) return Response.json({ errors: [{ message: 'No such broadcast.' }] }, { status: 404 })
    return Response.json(await statsOf(req.payload, id))
  },
}
