/** What the stats count per broadcast; each recipient counts once per kind. */
export const EVENT_TYPES = ['delivered', 'bounced', 'complained', 'opened', 'clicked', 'unsubscribed', 'delayed'] as const
export type EventType = (typeof EVENT_TYPES)[number]

/** A Resend webhook event, reduced to what the brand keeps. */
export interface ProviderEvent {
  type: EventType
  /** Resend's id of the email, as answered when it was accepted. */
  emailId: string
  to: string[]
  at: string
  /** Set for a hard bounce or a complaint: that address is never mailed again. */
  suppress: 'bounce' | 'complaint' | null
  url: string | null
}

const TYPES: Record<string, EventType> = {
  'email.delivered': 'delivered',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
  'email.opened': 'opened',
  'email.clicked': 'clicked',
  'email.delivery_delayed': 'delayed',
}

/**
 * The event inside a verified Resend webhook body, or null for one the brand does not keep (sent,
 * scheduled, anything new). A bounce suppresses unless Resend calls it temporary.
 * @example readProviderEvent({ type: 'email.complained', created_at: '…', data: { email_id: 're_1', to: ['a@b.c'] } })?.suppress
 *   // 'complaint'
 */
export function readProviderEvent(body: unknown): ProviderEvent | null {
  const event = body as {
    type?: unknown
    created_at?: unknown
    data?: { email_id?: unknown; to?: unknown; bounce?: { type?: unknown }; click?: { link?: unknown } }
  } | null
  const type = typeof event?.type === 'string' ? TYPES[event.type] : undefined
  const data = event?.data
  if (!type || !data || typeof data.email_id !== 'string' || !data.email_id) return null
  const to = (Array.isArray(data.to) ? data.to : [data.to]).filter((a): a is string => typeof a === 'string')
  const at =
    typeof event.created_at === 'string' && Number.isFinite(Date.parse(event.created_at))
      ? new Date(event.created_at).toISOString()
      : new Date(0).toISOString()
  const temporary = typeof data.bounce?.type === 'string' && /transient|temporary|soft/i.test(data.bounce.type)
  const suppress = type === 'complained' ? 'complaint' : type === 'bounced' && !temporary ? 'bounce' : null
  return { type, emailId: data.email_id, to, at, suppress, url: typeof data.click?.link === 'string' ? data.click.link : null }
}

/** A broadcast's figures, each a number of recipients. */
export interface BroadcastStats {
  recipients: number
  accepted: number
  delivered: number
  bounced: number
  complained: number
  opened: number
  clicked: number
  unsubscribed: number
  /** New leads and new members within 30 days of the send whose first or last touch is a click in it. */
  leads: number
  members: number
}

/** How long after a broadcast a new lead or member still counts as coming from it. */
export const ATTRIBUTION_DAYS = 30

/**
 * The campaign a click in a broadcast records on its touch (channel `email`), by which the funnel
 * and the stats find the people it brought.
 * @example broadcastCampaign('3') // 'broadcast-3'
 */
export const broadcastCampaign = (broadcastId: string) => `broadcast-${broadcastId}`

/**
 * How many of `people` (created in the window) came from the broadcast: their first or last touch
 * carries its campaign, and they became known within ATTRIBUTION_DAYS after it was sent.
 * @example cameFrom([{ createdAt: '2026-03-02T00:00:00Z', lastTouch: { campaign: 'broadcast-3' } }], '3', '2026-03-01T00:00:00Z') // 1
 */
export function cameFrom(
  people: readonly { createdAt: string; firstTouch?: unknown; lastTouch?: unknown }[],
  broadcastId: string,
  sentAt: string | null,
): number {
  if (!sentAt) return 0
  const from = Date.parse(sentAt)
  const to = from + ATTRIBUTION_DAYS * 86_400_000
  const campaign = broadcastCampaign(broadcastId)
  const carries = (touch: unknown) => (touch as { campaign?: unknown } | null)?.campaign === campaign
  return people.filter((p) => {
    const at = Date.parse(p.createdAt)
    return at >= from && at < to && (carries(p.firstTouch) || carries(p.lastTouch))
  }).length
}

/**
 * The stats from the delivery rows and the stored events: a recipient who opened twice counts once.
 * @example broadcastStats({ recipients: 2, accepted: 2 }, [{ type: 'opened', recipient: 'm:1' }, { type: 'opened',
 *   recipient: 'm:1' }]).opened // 1
 */
export function broadcastStats(
  deliveries: { recipients: number; accepted: number },
  events: readonly { type: string; recipient: string | null }[],
  came: { leads: number; members: number } = { leads: 0, members: 0 },
): BroadcastStats {
  const people = (type: EventType) => new Set(events.filter((e) => e.type === type && e.recipient).map((e) => e.recipient)).size
  return {
    ...deliveries,
    delivered: people('delivered'),
    bounced: people('bounced'),
    complained: people('complained'),
    opened: people('opened'),
    clicked: people('clicked'),
    unsubscribed: people('unsubscribed'),
    ...came,
  }
}
