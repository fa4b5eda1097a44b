import type { CollectionSlug, Payload, Where } from 'payload'

import {
  countConversions,
  countVisits,
  type FunnelConversion,
  type FunnelCounts,
  type FunnelQuery,
  type FunnelTouch,
  type GroupCount,
  rangeBounds,
} from '../../functions/attribution'
import { MEMBERS_SLUG, membersCountable } from './members'

// Visitors looked up per query when finding who came before the range: an `in` list of this size
// stays well under MongoDB's and SQLite's limits.
const VISITOR_BATCH = 500

/**
 * The funnel's counts through the Local API, for MongoDB (the SQLite path is sqlite-counts.ts):
 * the range's touches, leads and members are read with only the fields the funnel needs and
 * counted by the same rules in functions/attribution/funnel-count.ts. The integration test runs it
 * on SQLite against the SQL path, so both give the same numbers.
 * @example await localApiFunnelCounts(payload)(query)
 */
export function localApiFunnelCounts(payload: Payload): (query: FunnelQuery) => Promise<FunnelCounts> {
  const all = async <T>(collection: CollectionSlug, where: Where, select: Record<string, true>): Promise<T[]> => {
    const { docs } = await payload.find({ collection, where, select, depth: 0, pagination: false, overrideAccess: true })
    // The caller names the shape its `select` reads; the generated types cannot follow a select built at run time.
    return docs as unknown as T[]
  }
  return async (query) => {
    const { start, end } = rangeBounds(query.range)
    const inRange = (field: string): Where => ({ and: [{ [field]: { greater_than_equal: start } }, { [field]: { less_than: end } }] })
    const touches = await all<FunnelTouch>('touches', inRange('at'), {
      visitor: true,
      at: true,
      channel: true,
      campaign: true,
      campaignLink: true,
    })
    const returning = new Set<string>()
    if (query.model === 'first') {
      const visitors = [...new Set(touches.map((t) => t.visitor).filter((v): v is string => Boolean(v)))]
      for (let i = 0; i < visitors.length; i += VISITOR_BATCH) {
        const earlier = await all<FunnelTouch>(
          'touches',
          { and: [{ visitor: { in: visitors.slice(i, i + VISITOR_BATCH) } }, { at: { less_than: start } }] },
          { visitor: true },
        )
        for (const touch of earlier) returning.add(touch.visitor!)
      }
    }
    const conversionFields = { firstTouch: true, lastTouch: true } as const
    const leads = countConversions(await all<FunnelConversion>('leads', inRange('createdAt'), { ...conversionFields, status: true }), query)
    const members = membersCountable(payload)
      ? countConversions(await all<FunnelConversion>(MEMBERS_SLUG as CollectionSlug, inRange('createdAt'), conversionFields), query).count
      : []
    // Adds on WeChat, under the touch each recorded (a few per day: read whole).
    const adds = await all<{ touch: number | string | null }>('wechat-adds', inRange('at'), { touch: true })
    const addTouchIds = adds.flatMap((a) => (a.touch === null || a.touch === undefined ? [] : [a.touch]))
    const addTouches = new Map<string, FunnelTouch>()
    for (let i = 0; i < addTouchIds.length; i += VISITOR_BATCH) {
      for (const touch of await all<FunnelTouch & { id: number | string }>(
        'touches',
        { id: { in: addTouchIds.slice(i, i + VISITOR_BATCH) } },
        { channel: true, campaign: true, campaignLink: true },
      ))
        addTouches.set(String(touch.id), touch)
    }
    const field = { channel: 'channel', campaign: 'campaign', link: 'campaignLink' } as const
    const addedByKey = new Map<string | null, number>()
    for (const add of adds) {
      const value = add.touch === null || add.touch === undefined ? null : (addTouches.get(String(add.touch))?.[field[query.group]] ?? null)
      const key = typeof value === 'string' && value !== '' ? value : null
      addedByKey.set(key, (addedByKey.get(key) ?? 0) + 1)
    }
    let clicks: GroupCount[] | undefined
    if (query.group === 'link') {
      const days = await all<{ link: string; count: number }>(
        'link-clicks',
        { and: [{ day: { greater_than_equal: query.range.from } }, { day: { less_than_equal: query.range.to } }] },
        { link: true, count: true },
      )
      const byLink = new Map<string, number>()
      for (const day of days) byLink.set(day.link, (byLink.get(day.link) ?? 0) + Number(day.count ?? 0))
      clicks = [...byLink].map(([key, count]) => ({ key, count }))
    }
    return {
      visits: countVisits(touches, { model: query.model, group: query.group, returning }),
      leads: leads.count,
      added: [...addedByKey].map(([key, count]) => ({ key, count })),
      members,
      won: leads.won,
      ...(clicks ? { clicks } : {}),
    }
  }
}
