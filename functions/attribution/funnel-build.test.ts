// buildFunnel: the counts per step merged per group into rows with their rates, a total, names and clicks.
import { describe, expect, it } from 'vitest'

import { buildFunnel } from './funnel'
import { counts, query } from './funnel.test-helper'

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
