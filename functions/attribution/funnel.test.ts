import { describe, expect, it } from 'vitest'

import { buildFunnel, conversionRate, FUNNEL_STEPS, type FunnelCounts, type FunnelQuery, type FunnelRow, sortFunnelRows } from './funnel'

const query = (sort: FunnelQuery['sort'] = { by: 'visits', dir: 'desc' }): FunnelQuery => ({
  range: { from: '2026-03-01', to: '2026-03-31' },
  group: 'channel',
  model: 'first',
  sort,
})

const counts: FunnelCounts = {
  visits: [
    { key: 'wechat', count: 40 },
    { key: 'weibo', count: 10 },
    { key: 'direct', count: 50 },
  ],
  leads: [
    { key: 'wechat', count: 4 },
    { key: 'direct', count: 2 },
    { key: 'email', count: 3 },
  ],
  members: [{ key: 'wechat', count: 1 }],
  won: [
    { key: 'wechat', count: 1 },
    { key: 'email', count: 3 },
  ],
}

describe('conversionRate', () => {
  it.each([
    [1, 4, 0.25],
    [0, 4, 0],
    [5, 4, 1.25],
    [0, 0, null],
    [3, 0, null],
  ])('%i of %i is %s', (count, of, expected) => {
    expect(conversionRate(count, of)).toBe(expected)
  })
})

describe('buildFunnel', () => {
  it('merges the steps per group, computes rates, and sorts most visits first', () => {
    const report = buildFunnel(counts, query())
    expect(report.rows).toEqual([
      {
        key: 'direct',
        label: 'direct',
        clicks: null,
        visits: 50,
        leads: 2,
        added: 0,
        members: 0,
        won: 0,
        visitToLead: 0.04,
        leadToAdded: 0,
        leadToMember: 0,
        leadToWon: 0,
      },
      {
        key: 'wechat',
        label: 'wechat',
        clicks: null,
        visits: 40,
        leads: 4,
        added: 0,
        members: 1,
        won: 1,
        visitToLead: 0.1,
        leadToAdded: 0,
        leadToMember: 0.25,
        leadToWon: 0.25,
      },
      {
        key: 'weibo',
        label: 'weibo',
        clicks: null,
        visits: 10,
        leads: 0,
        added: 0,
        members: 0,
        won: 0,
        visitToLead: 0,
        leadToAdded: null,
        leadToMember: null,
        leadToWon: null,
      },
      // Leads from a channel with no visits in the range (an older visitor's form): no visit rate, never Infinity.
      {
        key: 'email',
        label: 'email',
        clicks: null,
        visits: 0,
        leads: 3,
        added: 0,
        members: 0,
        won: 3,
        visitToLead: null,
        leadToAdded: 0,
        leadToMember: 0,
        leadToWon: 1,
      },
    ])
    expect(report.total).toEqual({
      key: null,
      label: 'Total',
      clicks: null,
      visits: 100,
      leads: 9,
      added: 0,
      members: 1,
      won: 4,
      visitToLead: 0.09,
      leadToAdded: 0,
      leadToMember: 1 / 9,
      leadToWon: 4 / 9,
    })
    expect(report.hasClicks).toBe(false)
  })

  it('gives an empty report with null rates for no data', () => {
    const report = buildFunnel({ visits: [], leads: [], members: [], won: [] }, query())
    expect(report.rows).toEqual([])
    expect(report.total).toEqual({
      key: null,
      label: 'Total',
      clicks: null,
      visits: 0,
      leads: 0,
      added: 0,
      members: 0,
      won: 0,
      visitToLead: null,
      leadToAdded: null,
      leadToMember: null,
      leadToWon: null,
    })
  })

  it('treats empty text and null as the same "none" group and drops groups without counts', () => {
    const report = buildFunnel(
      {
        visits: [
          { key: '', count: 2 },
          { key: null, count: 3 },
          { key: 'spring', count: 0 },
        ],
        leads: [{ key: null, count: 1 }],
        members: [],
        won: [],
      },
      { ...query(), group: 'campaign' },
    )
    expect(report.rows.map((r) => [r.key, r.visits, r.leads])).toEqual([[null, 5, 1]])
  })

  it('names groups and the total with the given names', () => {
    const report = buildFunnel(counts, query({ by: 'name', dir: 'asc' }), {
      label: (key) => (key === null ? '(none)' : key.toUpperCase()),
      total: '合计',
    })
    expect(report.rows.map((r) => r.label)).toEqual(['DIRECT', 'EMAIL', 'WECHAT', 'WEIBO'])
    expect(report.total.label).toBe('合计')
  })

  it('adds clicks per link when they were counted, also for links nobody arrived through', () => {
    const report = buildFunnel(
      {
        visits: [{ key: 'poster', count: 8 }],
        leads: [],
        members: [],
        won: [],
        clicks: [
          { key: 'poster', count: 12 },
          { key: 'flyer', count: 3 },
        ],
      },
      { ...query({ by: 'clicks', dir: 'desc' }), group: 'link' },
    )
    expect(report.rows.map((r) => [r.key, r.clicks, r.visits])).toEqual([
      ['poster', 12, 8],
      ['flyer', 3, 0],
    ])
    expect(report.total.clicks).toBe(15)
    expect(report.hasClicks).toBe(true)
  })

  it.each([NaN, Infinity, -1, 1.5])('refuses a count of %s', (count) => {
    expect(() => buildFunnel({ visits: [{ key: 'x', count }], leads: [], members: [], won: [] }, query())).toThrow(
      new RangeError('A visits count must be a whole number of 0 or more.'),
    )
  })

  it('keeps every rate a finite number or null', () => {
    const report = buildFunnel(counts, query())
    for (const row of [...report.rows, report.total]) {
      for (const rate of [row.visitToLead, row.leadToMember, row.leadToWon]) expect(rate === null || Number.isFinite(rate)).toBe(true)
    }
  })
})

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

describe('the added-on-WeChat step', () => {
  it('sits between leads and members, with lead → added as its rate, and adds up to the total', () => {
    const report = buildFunnel(
      {
        visits: [{ key: 'wechat', count: 20 }],
        leads: [{ key: 'wechat', count: 4 }],
        added: [
          { key: 'wechat', count: 3 },
          { key: null, count: 1 },
        ],
        members: [],
        won: [],
      },
      query(),
    )
    expect(FUNNEL_STEPS).toEqual(['visits', 'leads', 'added', 'members', 'won'])
    expect(report.rows.find((r) => r.key === 'wechat')).toMatchObject({ added: 3, leadToAdded: 0.75 })
    expect(report.rows.find((r) => r.key === null)).toMatchObject({ added: 1, leads: 0, leadToAdded: null })
    expect(report.total).toMatchObject({ added: 4, leads: 4, leadToAdded: 1 })
  })
})
