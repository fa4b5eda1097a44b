import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { broadcastCampaign } from '../../functions/broadcasts/events'
import { readLeaveToken, readLinkToken } from '../../functions/broadcasts/tokens'
import { type ConsentEntry, planConsentChanges } from '../../functions/members/consent-log'
import { recordBroadcastClick, recordSequenceEmailEvent } from '../nurture/email-events'
import { relation } from './relation'
import { recordEvent, suppressAddress } from './suppress'

const idIn = (key: string, kind: 'm' | 'l') => (key.startsWith(`${kind}:`) ? key.slice(2) : null)

async function deliveryOf(payload: Payload, broadcast: string, recipient: string) {
  const { docs } = await payload.find({
    collection: 'broadcast-deliveries',
    where: { broadcast: { equals: broadcast }, recipient: { equals: recipient } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] ?? null
}

/**
 * Follows a tracked link of a broadcast (`/l/<token>`): counts the click for its recipient and
 * records a touch with channel `email` and the broadcast as campaign on the recipient's lead, so
 * the funnel shows email like any other channel. Answers where to go, or null for a bad token.
 */
export async function followLink(
  payload: Payload,
  token: string,
  secret: string,
  now: Date,
  visitor: string | null = null,
): Promise<string | null> {
  const grant = readLinkToken(token, secret)
  if (!grant) return null
  // A sequence's email (cms/nurture) names its row as `seq-<id>`: counted there, then a touch like a broadcast's.
  const sequenceEmail = /^seq-(.+)$/.exec(grant.broadcast)?.[1]
  if (sequenceEmail) {
    await recordSequenceEmailEvent(payload, { id: sequenceEmail }, 'clicked', now, grant.url)
    const lead = grant.recipient.startsWith('l:') ? grant.recipient.slice(2) : null
    await payload.create({
      collection: 'touches',
      data: {
        visitor,
        at: now.toISOString(),
        channel: 'email',
        source: 'sequence',
        medium: 'email',
        campaign: `sequence-email-${sequenceEmail}`,
        landingPage: new URL(grant.url).pathname,
        lead: lead ? relation(lead) : null,
      },
      overrideAccess: true,
      depth: 0,
      select: {},
    })
    return grant.url
  }
  const delivery = await deliveryOf(payload, grant.broadcast, grant.recipient)
  // A link of a broadcast this recipient was never sent (an old, deleted one) still leads on, uncounted.
  if (!delivery) return grant.url
  await recordEvent(payload, {
    eventId: `click-${randomUUID()}`,
    type: 'clicked',
    broadcast: grant.broadcast,
    recipient: grant.recipient,
    url: grant.url,
    at: now,
  })
  const url = new URL(grant.url)
  if (delivery.lead) await recordBroadcastClick(payload, String(delivery.lead), grant.broadcast, grant.url, now)
  await payload.create({
    collection: 'touches',
    data: {
      visitor,
      at: now.toISOString(),
      channel: 'email',
      source: 'newsletter',
      medium: 'email',
      campaign: broadcastCampaign(grant.broadcast),
      landingPage: url.pathname,
      lead: delivery.lead ? relation(delivery.lead) : null,
    },
    overrideAccess: true,
    depth: 0,
    select: {},
  })
  return grant.url
}

/**
 * The one-click unsubscribe of a broadcast (RFC 8058), signed out: a member's consent log records
 * the topic left (source `email-link`); a lead without an account is suppressed, as it has no log.
 * Answers the topic left, or null for a bad token. Unsubscribing twice changes nothing more.
 */
export async function leaveByToken(payload: Payload, token: string, secret: string, now: Date): Promise<{ topic: string } | null> {
  const grant = readLeaveToken(token, secret)
  if (!grant) return null
  const memberId = idIn(grant.recipient, 'm')
  const leadId = idIn(grant.recipient, 'l')
  if (memberId) {
    const { docs } = await payload.find({
      collection: 'consent-log',
      where: { member: { equals: memberId } },
      sort: 'at',
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const log: ConsentEntry[] = docs.map((d) => ({ topic: d.topic, subscribed: d.subscribed, at: d.at, source: d.source }))
    const plan = planConsentChanges(log, { [grant.topic]: false }, { source: 'email-link', topics: [grant.topic], now })
    if (plan.ok)
      for (const entry of plan.entries)
        await payload.create({
          collection: 'consent-log',
          data: { member: relation(memberId), ...entry },
          overrideAccess: true,
          depth: 0,
          select: {},
        })
  } else if (leadId) {
    const lead = await payload.findByID({ collection: 'leads', id: relation(leadId), depth: 0, overrideAccess: true, disableErrors: true })
    if (lead?.email) await suppressAddress(payload, lead.email, 'unsubscribed', now)
  } else {
    return null
  }
  if (grant.broadcast.startsWith('seq-')) return { topic: grant.topic }
  await recordEvent(payload, {
    eventId: `unsubscribe-${grant.broadcast}-${grant.recipient}`,
    type: 'unsubscribed',
    broadcast: grant.broadcast,
    recipient: grant.recipient,
    at: now,
  })
  return { topic: grant.topic }
}
