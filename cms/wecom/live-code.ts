import type { Payload } from 'payload'

import { addContactWay, contactState, type TokenCache, type WorkEndpoint } from '../../functions/wecom'

export interface LiveCode {
  state: string
  qrCode: string
}

/** The staff of a campaign link's live code: the UserIDs an editor listed. */
export const staffOf = (value: string | null | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * The live code of a campaign link for this lead (or for anyone, without one): the stored one, or
 * a new one made through add_contact_way and stored. Two requests making the same code at once:
 * the unique state keeps the first stored; the other answers it (its own code in 企业微信 stays unused).
 * Null when the link does not exist, is archived or has no staff, or the state would not fit.
 */
export async function liveCodeFor(
  payload: Payload,
  { code, lead }: { code: string; lead: string | number | null },
  api: { endpoint: WorkEndpoint; tokens: TokenCache },
): Promise<LiveCode | null> {
  const base = { depth: 0, overrideAccess: true } as const
  const link = (await payload.find({ collection: 'campaign-links', where: { code: { equals: code } }, limit: 1, ...base })).docs[0]
  const users = staffOf(link?.liveCodeStaff)
  if (!link || link.status !== 'active' || users.length === 0) return null
  const state =
    contactState({ campaignLink: link.code!, lead: lead === null ? null : String(lead) }) ??
    contactState({ campaignLink: link.code!, lead: null })
  if (!state) return null
  const stored = async () =>
    (await payload.find({ collection: 'live-codes', where: { state: { equals: state } }, limit: 1, ...base })).docs[0]
  const known = await stored()
  if (known) return { state, qrCode: known.qrCode }
  const made = await addContactWay(api.endpoint, api.tokens, { users, state, remark: link.title.slice(0, 30) })
  const leadId = state.includes('.l') && lead !== null ? Number(lead) : null
  try {
    await payload.create({
      collection: 'live-codes',
      data: { state, campaignLink: link.code!, lead: leadId, staff: users, configId: made.configId, qrCode: made.qrCode },
      ...base,
      select: {},
    })
  } catch (error) {
    const winner = await stored()
    if (winner) return { state, qrCode: winner.qrCode }
    throw error
  }
  return { state, qrCode: made.qrCode }
}
