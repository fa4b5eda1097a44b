import type { Endpoint, Payload } from 'payload'

import { type BroadcastStats,broadcastStats } from '../../functions/broadcasts/events'
import { roleOf } from '../access/roles'

/** A broadcast's figures from its delivery rows and stored events (functions/broadcasts/events.ts). */
export async function statsOf(payload: Payload, broadcastId: string): Promise<BroadcastStats> {
  const where = { broadcast: { equals: broadcastId } }
  const [recipients, accepted, events] = await Promise.all([
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
  ])
  return broadcastStats(
    { recipients: recipients.totalDocs, accepted: accepted.totalDocs },
    events.docs.map((e) => ({ type: e.type, recipient: e.recipient ?? null })),
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
