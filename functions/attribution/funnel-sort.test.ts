// sortFunnelRows: the funnel's rows sorted by any column, null rates last, ties by key, the "none" group after named ones.
import { describe, expect, it } from 'vitest'

import { buildFunnel, type FunnelRow, sortFunnelRows } from './funnel'
import { counts, query } from './funnel.test-helper'

describe('sortFunnelRows', () => {
  const rows = buildFunnel(counts, query()).rows
  const keys = (sorted: FunnelRow[]) => sorted.map((r) => r.key)

  it.each([
    [{ by: 'visits', dir: 'asc' }, ['email', 'weibo', 'wechat', 'direct']],
    [{ by: 'leads', dir: 'desc' }, ['wechat', 'email', 'direct', 'weibo']],
    [{ by: 'won', dir: 'desc' }, ['email', 'wechat', 'direct', 'weibo']],
    // Null rates go last in both directions; ties fall back to the key.
    [{ by: 'visitToLead', dir: 'desc' }, ['wechat', 'direct', 'weibo', 'email']],
    [{ by: 'visitToLead', dir: 'asc' }, ['weibo', 'direct', 'wechat', 'email']],
    [{ by: 'leadToWon', dir: 'asc' }, ['direct', 'wechat', 'email', 'weibo']],
    [{ by: 'name', dir: 'desc' }, ['weibo', 'wechat', 'email', 'direct']],
  ] as const)('%o', (sort, expected) => {
    expect(keys(sortFunnelRows(rows, sort))).toEqual(expected)
  })

  it('puts the "none" group after named ones on a tie', () => {
    const tied = buildFunnel(
      {
        visits: [
          { key: null, count: 1 },
          { key: 'b', count: 1 },
          { key: 'a', count: 1 },
        ],
        leads: [],
        members: [],
        won: [],
      },
      query(),
    ).rows
    expect(keys(tied)).toEqual(['a', 'b', null])
  })
})
