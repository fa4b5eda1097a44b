import type { Endpoint, Payload } from 'payload'

import { readProviderEvent } from '../../functions/broadcasts/events'
import { type SvixHeaders, verifySvix } from '../../functions/broadcasts/webhook-signature'
import { recordSequenceEmailEvent } from '../nurture/email-events'
import { relation } from './relation'
import { suppressAddress } from './suppress'

/** What the receiver answers Resend: a status and a short JSON body (never the input). */
export interface WebhookAnswer {
  status: number
  body: { ok: boolean; message: string }
}

const answer = (status: number, message: string): WebhookAnswer => ({ status, body: { ok: status < 300, message } })

/**
 * Receives one Resend webhook: refuses it unsigned, badly signed or stale (401), replayed under an
 * id already stored (409) or not JSON (400); stores the event against the broadcast delivery it
 * is about, and suppresses the address on a hard bounce or a complaint.
 */
export async function receiveResendWebhook(
  payload: Payload,
  headers: SvixHeaders,
  body: string,
  now: Date,
  secret = process.env.RESEND_WEBHOOK_SECRET ?? '',
): Promise<WebhookAnswer> {
  const verdict = verifySvix(secret, headers, body, now.getTime() / 1000)
  if (!verdict.ok)
    return verdict.reason === 'no-secret'
      ? answer(503, 'RESEND_WEBHOOK_SECRET is not set: webhooks cannot be verified.')
      : answer(401, `Refused: ${verdict.reason}.`)
  const eventId = String(headers.id)
  // Svix keeps the id when it retries a delivery; a second one with the same id is a replay.
  const seen = await payload.count({ collection: 'broadcast-events', where: { eventId: { equals: eventId } }, overrideAccess: true })
  if (seen.totalDocs > 0) return answer(409, 'Refused: this event was received already.')
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return answer(400, 'The body is not JSON.')
  }
  const event = readProviderEvent(json)
  if (!event) return answer(200, 'Ignored: not an event the brand keeps.')
  // A sequence's email (cms/nurture): its step statistics and the lead's activity count the open or click.
  if (
    (event.type === 'opened' || event.type === 'clicked') &&
    (await recordSequenceEmailEvent(payload, { providerId: event.emailId }, event.type, now, event.url ?? undefined))
  )
    return answer(200, 'Stored.')
  const delivery = (
    await payload.find({
      collection: 'broadcast-deliveries',
      where: { providerId: { equals: event.emailId } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  const broadcast = delivery ? relation(String(typeof delivery.broadcast === 'object' ? delivery.broadcast.id : delivery.broadcast)) : null
  try {
    await payload.create({
      collection: 'broadcast-events',
      data: {
        eventId,
        type: event.type,
        broadcast,
        recipient: delivery?.recipient ?? null,
        providerId: event.emailId,
        url: event.url,
        at: event.at,
      },
      overrideAccess: true,
      depth: 0,
      select: {},
    })
  } catch {
    // The unique event id refused a concurrent copy of the same delivery: that one stored it.
    return answer(409, 'Refused: this event was received already.')
  }
  if (event.suppress) for (const address of event.to) await suppressAddress(payload, address, event.suppress, now)
  return answer(200, 'Stored.')
}

/** `POST /api/resend/webhook`: the URL to give Resend, with its signing secret in RESEND_WEBHOOK_SECRET. */
export const resendWebhookEndpoint: Endpoint = {
  path: '/resend/webhook',
  method: 'post',
  handler: async (req) => {
    const body = (await req.text?.()) ?? ''
    if (body.length > 256 * 1024) return Response.json({ ok: false, message: 'The body is too large.' }, { status: 413 })
    const h = req.headers
    const { status, body: json } = await receiveResendWebhook(
      req.payload,
      { id: h.get('svix-id'), timestamp: h.get('svix-timestamp'), signature: h.get('svix-signature') },
      body,
      new Date(),
    )
    return Response.json(json, { status })
  },
}
