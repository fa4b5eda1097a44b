import type { Endpoint, PayloadRequest } from 'payload'

import { segmentProblems, segmentTopic } from '../../functions/broadcasts/segment'
import { roleOf } from '../access/roles'
import { segmentOf, type SegmentRow } from './segments'
import { broadcastStoreFor } from './sqlite-store'

/** Who a broadcast to `segment` would reach now: the count and the first ten, or the rules' problems. */
async function previewOf(req: PayloadRequest, doc: { match?: unknown; rules?: unknown }): Promise<Response> {
  // The rows as written, before segmentOf fills in defaults that a half-written rule must not pass with.
  const problems = segmentProblems(doc)
  if (problems.length) return Response.json({ errors: problems }, { status: 422 })
  const segment = segmentOf(doc as { match?: string | null; rules?: SegmentRow[] | null })
  const store = broadcastStoreFor(req.payload)
  const { count, first } = await store.countRecipients(segment, segmentTopic(segment))
  return Response.json({ count, first: first.map((r) => ({ key: r.key, email: r.email, name: r.name })) })
}

const forbidden = () => Response.json({ errors: [{ message: 'Sign in as an editor or admin to preview a segment.' }] }, { status: 403 })
const isEditor = (req: PayloadRequest) => ['admin', 'editor'].includes(roleOf(req) ?? '')

/**
 * `GET /api/segments/:id/recipients`: how many people a broadcast to the saved segment would reach
 * now (suppressions and unsubscribes left out), and the first ten, for editors checking a segment.
 */
export const segmentRecipientsEndpoint: Endpoint = {
  path: '/:id/recipients',
  method: 'get',
  handler: async (req) => {
    if (!isEditor(req)) return forbidden()
    const id = String(req.routeParams?.id ?? '')
    const doc = /^[0-9a-f]{1,24}$/i.test(id)
      ? await req.payload.findByID({ collection: 'segments', id, depth: 0, overrideAccess: true, disableErrors: true })
      : null
    if (!doc) return Response.json({ errors: [{ message: 'No such segment.' }] }, { status: 404 })
    return previewOf(req, doc)
  },
}

/** Rules a preview reads from a request body: at most this many bytes. */
const MAX_BODY = 64 * 1024

/**
 * `POST /api/segments/preview` with `{ match, rules }` as the edit form holds them, saved or not:
 * the live count and first recipients the segment editor shows while rules are being written.
 */
export const segmentPreviewEndpoint: Endpoint = {
  path: '/preview',
  method: 'post',
  handler: async (req) => {
    if (!isEditor(req)) return forbidden()
    const text = req.text ? await req.text() : ''
    if (text.length > MAX_BODY) return Response.json({ errors: [{ message: 'The rules are too long to preview.' }] }, { status: 413 })
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      // Not JSON: the same answer as any other unreadable body.
      body = null
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return Response.json({ errors: [{ message: 'Send the rules as JSON: { "match": "all", "rules": [...] }.' }] }, { status: 400 })
    return previewOf(req, body as { match?: unknown; rules?: unknown })
  },
}
