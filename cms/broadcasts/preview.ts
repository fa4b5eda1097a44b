import type { Endpoint } from 'payload'

import { selectRecipients } from '../../functions/broadcasts/recipients'
import { segmentProblems, segmentTopic } from '../../functions/broadcasts/segment'
import { roleOf } from '../access/roles'
import { segmentOf, type SegmentRow } from './segments'
import { broadcastStoreFor } from './sqlite-store'

/**
 * `GET /api/segments/:id/recipients`: how many people a broadcast to the segment would reach now
 * (suppressions and unsubscribes left out), and the first ten, for editors checking a segment.
 */
export const segmentRecipientsEndpoint: Endpoint = {
  path: '/:id/recipients',
  method: 'get',
  handler: async (req) => {
    const role = roleOf(req)
    if (role !== 'admin' && role !== 'editor')
      return Response.json({ errors: [{ message: 'Sign in as an editor or admin to preview a segment.' }] }, { status: 403 })
    const id = String(req.routeParams?.id ?? '')
    const doc = /^[0-9a-f]{1,24}$/i.test(id)
      ? await req.payload.findByID({ collection: 'segments', id, depth: 0, overrideAccess: true, disableErrors: true })
      : null
    if (!doc) return Response.json({ errors: [{ message: 'No such segment.' }] }, { status: 404 })
    const segment = segmentOf(doc as { match?: string | null; rules?: SegmentRow[] | null })
    if (segmentProblems(segment).length) return Response.json({ errors: segmentProblems(segment) }, { status: 422 })
    const store = broadcastStoreFor(req.payload)
    const recipients = selectRecipients(await store.people(), segment, {
      topic: segmentTopic(segment),
      suppressed: await store.suppressedHashes(),
    })
    return Response.json({
      count: recipients.length,
      first: recipients.slice(0, 10).map((r) => ({ key: r.key, email: r.email, name: r.name })),
    })
  },
}
