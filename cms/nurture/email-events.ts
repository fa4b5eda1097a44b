import type { Payload, Where } from 'payload'

import { insertActivity } from '.'

const idOf = (ref: unknown) => (ref && typeof ref === 'object' ? (ref as { id: string | number }).id : (ref as string | number | null))

/**
 * An open or a click of a sequence's email: the step's statistics count it (first time only),
 * and the lead's activity gets it (a click feeds the scoring rules). Answers whether the email
 * was a sequence's.
 */
export async function recordSequenceEmailEvent(
  payload: Payload,
  by: { providerId: string } | { id: string },
  type: 'opened' | 'clicked',
  at: Date,
  url?: string,
): Promise<boolean> {
  const where: Where =
    'providerId' in by ? { providerId: { equals: by.providerId } } : { id: { equals: /^[0-9]+$/.test(by.id) ? Number(by.id) : by.id } }
  const row = (await payload.find({ collection: 'sequence-emails', where, limit: 1, depth: 0, overrideAccess: true })).docs[0]
  if (!row) return false
  const field = type === 'opened' ? 'openedAt' : 'clickedAt'
  if (!row[field])
    await payload.update({
      collection: 'sequence-emails',
      id: row.id,
      data: { [field]: at.toISOString() },
      depth: 0,
      overrideAccess: true,
      select: {},
    })
  const lead = idOf(row.lead)
  if (lead !== null)
    await insertActivity(payload, [
      {
        lead,
        visitor: null,
        kind: type === 'opened' ? 'email-open' : 'email-click',
        at: at.toISOString(),
        path: url ? new URL(url).pathname : null,
        categories: [],
        form: null,
        ref: `sequence-${idOf(row.sequence)}`,
        locale: null,
      },
    ])
  return true
}

/** A click on a broadcast's link by a known lead: an activity the scoring rules count. */
export async function recordBroadcastClick(
  payload: Payload,
  lead: string | number,
  broadcast: string,
  url: string,
  at: Date,
): Promise<void> {
  await insertActivity(payload, [
    {
      lead,
      visitor: null,
      kind: 'email-click',
      at: at.toISOString(),
      path: new URL(url).pathname,
      categories: [],
      form: null,
      ref: `broadcast-${broadcast}`,
      locale: null,
    },
  ])
}
