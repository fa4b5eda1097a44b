import type { Document } from 'mongodb'

import { type FunnelGroup, type FunnelQuery, rangeBounds } from '../../functions/attribution'

/** One aggregation to run: the collection it reads and its stages. */
export interface FunnelAggregation {
  collection: 'touches' | 'leads' | 'members' | 'link-clicks'
  pipeline: Document[]
}

// The stored field of each grouping on touches, and the key inside a lead's or member's touch.
const TOUCH_FIELD: Record<FunnelGroup, string> = { channel: 'channel', campaign: 'campaign', link: 'campaignLink' }

/**
 * A group key from a field: non-empty text only, anything else (missing, null, '', a number, an
 * array, a touch stored as a string) is none, as sqlite-counts.ts reads it (NULLIF and json_type).
 */
export const textKey = (path: string): Document => ({
  $cond: [{ $and: [{ $eq: [{ $type: path }, 'string'] }, { $ne: [path, ''] }] }, path, null],
})

/**
 * Visitors per group (definitions in functions/attribution/funnel.ts); touches without a visitor id
 * are left out. Each visitor's touches are sorted by time, the id breaking a tie (the lower is the
 * earlier, as in SQL), and $first takes the credited one: the earliest before the range's end,
 * kept when it falls in the range (first touch), or the latest in the range (last touch). The sort
 * follows the index { visitor, at, _id } (cms/mongo/indexes.ts).
 */
export function visitsPipeline(query: FunnelQuery): Document[] {
  const { start, end } = dates(query)
  const key = textKey(`$${TOUCH_FIELD[query.group]}`)
  if (query.model === 'first') {
    return [
      { $match: { visitor: { $ne: null }, at: { $lt: end } } },
      { $sort: { visitor: 1, at: 1, _id: 1 } },
      { $group: { _id: '$visitor', at: { $first: '$at' }, key: { $first: key } } },
      { $match: { at: { $gte: start } } },
      { $group: { _id: '$key', count: { $sum: 1 } } },
    ]
  }
  return [
    { $match: { visitor: { $ne: null }, at: { $gte: start, $lt: end } } },
    // Visitors in descending order too: the same index, walked backwards, gives this order.
    { $sort: { visitor: -1, at: -1, _id: -1 } },
    { $group: { _id: '$visitor', key: { $first: key } } },
    { $group: { _id: '$key', count: { $sum: 1 } } },
  ]
}

/** Leads or members created in the range per group, credited by the chosen touch, with those won. */
export function conversionsPipeline(query: FunnelQuery, withWon: boolean): Document[] {
  const { start, end } = dates(query)
  const touch = query.model === 'first' ? 'firstTouch' : 'lastTouch'
  const won = withWon ? { won: { $sum: { $cond: [{ $eq: ['$status', 'won'] }, 1, 0] } } } : {}
  return [
    { $match: { createdAt: { $gte: start, $lt: end } } },
    { $group: { _id: textKey(`$${touch}.${TOUCH_FIELD[query.group]}`), count: { $sum: 1 }, ...won } },
  ]
}

/** Clicks per campaign link; clicks are stored per UTC day as YYYY-MM-DD text, compared as they are. */
export function clicksPipeline(query: FunnelQuery): Document[] {
  return [{ $match: { day: { $gte: query.range.from, $lte: query.range.to } } }, { $group: { _id: '$link', count: { $sum: '$count' } } }]
}

/**
 * The aggregations that count one funnel query, one per step, as sqlite-counts.ts has one SQL
 * query per step: touches for visits, leads (with won), members when they can be counted, and
 * link clicks when grouping by link.
 * @example funnelAggregations(query, { members: true }).visits.pipeline
 */
export function funnelAggregations(
  query: FunnelQuery,
  { members }: { members: boolean },
): Record<'visits' | 'leads', FunnelAggregation> & Partial<Record<'members' | 'clicks', FunnelAggregation>> {
  return {
    visits: { collection: 'touches', pipeline: visitsPipeline(query) },
    leads: { collection: 'leads', pipeline: conversionsPipeline(query, true) },
    ...(members ? { members: { collection: 'members', pipeline: conversionsPipeline(query, false) } } : {}),
    ...(query.group === 'link' ? { clicks: { collection: 'link-clicks', pipeline: clicksPipeline(query) } } : {}),
  }
}

// Payload stores date fields as BSON dates on MongoDB; the range is compared as such.
function dates(query: FunnelQuery): { start: Date; end: Date } {
  const { start, end } = rangeBounds(query.range)
  return { start: new Date(start), end: new Date(end) }
}
