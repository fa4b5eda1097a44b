import type { Endpoint, Payload } from 'payload'

import type { ActivityKind } from '../../functions/nurture/activity'
import { mergeTimeline, type TimelineEntry } from '../../functions/nurture/timeline'

const LIMIT = 200

/** The lead's timeline (functions/nurture/timeline.ts): its touches, activity and score changes, newest first. */
export async function leadTimeline(payload: Payload, lead: number | string): Promise<TimelineEntry[]> {
  const newest = { where: { lead: { equals: lead } }, sort: '-at', limit: LIMIT, depth: 0, overrideAccess: true } as const
  const [touches, activity, scores] = await Promise.all([
    payload.find({ collection: 'touches', ...newest }),
    payload.find({ collection: 'lead-activity', ...newest }),
    payload.find({ collection: 'score-changes', ...newest }),
  ])
  return mergeTimeline(
    {
      touches: touches.docs,
      activity: activity.docs.map((a) => ({ at: a.at, kind: a.kind as ActivityKind, path: a.path, form: a.form, ref: a.ref })),
      scores: scores.docs.map((s) => ({ at: s.at, points: s.points, reason: s.reason })),
    },
    LIMIT,
  )
}

/** GET /api/leads/:id/timeline, for whoever may read the lead (the lead's own access decides). */
export const leadTimelineEndpoint: Endpoint = {
  path: '/:id/timeline',
  method: 'get',
  handler: async (req) => {
    const id = String(req.routeParams?.id ?? '')
    const notFound = Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 })
    if (!req.user) return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    if (!/^[0-9a-f]{1,24}$/i.test(id)) return notFound
    const lead = await req.payload
      .findByID({ collection: 'leads', id: /^[0-9]+$/.test(id) ? Number(id) : id, depth: 0, overrideAccess: false, user: req.user })
      .catch(() => null)
    if (!lead) return notFound
    return Response.json({ entries: await leadTimeline(req.payload, lead.id) }, { headers: { 'cache-control': 'private, no-store' } })
  },
}
