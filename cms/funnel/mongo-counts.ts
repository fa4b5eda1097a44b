import type { Document } from 'mongodb'
import type { Payload } from 'payload'

import type { FunnelCounts, FunnelQuery } from '../../functions/attribution'
import { mongoCollection } from '../mongo/collection'
import { groupCounts } from './group-counts'
import { membersCountable } from './members'
import { type FunnelAggregation, funnelAggregations } from './mongo-pipelines'

/** Runs one aggregation and answers its documents; the database's, or an in-memory one in tests. */
export type Aggregate = (aggregation: FunnelAggregation) => Promise<Document[]>

/**
 * The funnel's counts from aggregations, run in parallel, with the grouped rows read as
 * sqlite-counts.ts reads its SQL rows (each group's `_id` is its key).
 * @example await countWithAggregations(aggregate, query, { members: true })
 */
export async function countWithAggregations(
  aggregate: Aggregate,
  query: FunnelQuery,
  options: { members: boolean },
): Promise<FunnelCounts> {
  const plan = funnelAggregations(query, options)
  const rows = (aggregation?: FunnelAggregation) =>
    aggregation
      ? aggregate(aggregation).then((docs) => docs.map(({ _id, ...rest }) => ({ key: _id, ...rest })))
      : Promise.resolve(undefined)
  const [visits, leads, members, clicks] = await Promise.all([rows(plan.visits), rows(plan.leads), rows(plan.members), rows(plan.clicks)])
  return {
    visits: groupCounts(visits!),
    leads: groupCounts(leads!),
    members: members ? groupCounts(members) : [],
    won: groupCounts(leads!, 'won'),
    ...(clicks ? { clicks: groupCounts(clicks) } : {}),
  }
}

/**
 * The funnel's counts on MongoDB: one aggregation per step, grouped in the database, where the
 * Local API would load every touch of the range into this process (local-api-counts.ts).
 * @example await mongoFunnelCounts(payload)(query)
 */
export function mongoFunnelCounts(payload: Payload): (query: FunnelQuery) => Promise<FunnelCounts> {
  // allowDiskUse: a long range's sort of touches may pass the 100 MB a stage may hold in memory.
  const aggregate: Aggregate = ({ collection, pipeline }) =>
    mongoCollection(payload, collection).aggregate(pipeline, { allowDiskUse: true }).toArray()
  return (query) => countWithAggregations(aggregate, query, { members: membersCountable(payload) })
}
