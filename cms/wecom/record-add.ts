import type { Payload } from 'payload'

import type { ContactEvent } from '../../functions/wecom/callback-event'
import { parseContactState } from '../../functions/wecom/contact-state'

export type AddOutcome = 'recorded' | 'already-recorded' | 'ignored'

/**
 * Records an add_external_contact event: a touch "added on WeChat" (channel wechat, medium
 * `added-on-wechat`, the campaign link's code and campaign) on the lead the state names, and the
 * add credited to the staff member. One add per staff member and external contact: 企业微信's
 * retries and a contact who deletes and adds again are counted once.
 */
export async function recordWechatAdd(payload: Payload, event: ContactEvent, now: Date): Promise<AddOutcome> {
  if (event.changeType !== 'add_external_contact') return 'ignored'
  const base = { depth: 0, overrideAccess: true } as const
  const known = await payload.find({
    collection: 'wechat-adds',
    where: { and: [{ staffUserId: { equals: event.userId } }, { externalUserId: { equals: event.externalUserId } }] },
    limit: 1,
    ...base,
  })
  if (known.docs.length) return 'already-recorded'
  const state = parseContactState(event.state)
  const link = state
    ? (await payload.find({ collection: 'campaign-links', where: { code: { equals: state.campaignLink } }, limit: 1, ...base })).docs[0]
    : undefined
  // A lead id in the state counts only if that lead exists (a state is not signed: it is a hint, never a way to write on any lead).
  const lead = state?.lead
    ? await payload.findByID({ collection: 'leads', id: Number(state.lead), ...base, disableErrors: true, select: {} })
    : null
  const at = (event.createTime ? new Date(event.createTime * 1000) : now).toISOString()
  const touch = await payload.create({
    collection: 'touches',
    data: {
      at,
      channel: 'wechat',
      source: 'wecom',
      medium: 'added-on-wechat',
      campaign: link?.utm?.campaign || link?.code || null,
      campaignLink: link?.code ?? null,
      lead: lead?.id ?? null,
    },
    ...base,
    select: {},
  })
  try {
    await payload.create({
      collection: 'wechat-adds',
      data: {
        at,
        staffUserId: event.userId,
        externalUserId: event.externalUserId,
        state: event.state,
        campaignLink: link?.code ?? null,
        lead: lead?.id ?? null,
        touch: touch.id,
      },
      ...base,
      select: {},
    })
  } catch (error) {
    // The unique (staff, contact) index: a concurrent delivery of the same add recorded it first; its touch stays the only one.
    await payload.delete({ collection: 'touches', id: touch.id, ...base, select: {} })
    if (/unique|duplicate|E11000/i.test(String((error as Error)?.message))) return 'already-recorded'
    throw error
  }
  return 'recorded'
}
