// Adds on WeChat in the funnel: counted under the touch each recorded, the same in SQL and through the Local API.
import { describe, expect, it } from 'vitest'

import type { GroupCount } from '../../functions/attribution'
import { row, type RowData } from './fixtures'
import { counters, funnel, payload, query, useFunnel } from './funnel-harness'

useFunnel()

describe('added on WeChat', () => {
  it('counts the adds of the range under the touch each recorded (its live code), the same in SQL and through the Local API', async () => {
    const touch = (data: RowData<'touches'>) =>
      payload.create({
        collection: 'touches',
        data: row('touches', { channel: 'wechat', source: 'wecom', medium: 'added-on-wechat', ...data }),
      })
    const inMarch = await touch({ at: '2026-03-12T09:00:00.000Z', campaign: 'spring', campaignLink: 'poster' })
    const inMarchToo = await touch({ at: '2026-03-13T09:00:00.000Z', campaign: 'spring', campaignLink: 'poster' })
    const unlinked = await touch({ at: '2026-03-14T09:00:00.000Z' })
    const inApril = await touch({ at: '2026-04-02T09:00:00.000Z', campaign: 'spring', campaignLink: 'poster' })
    const adds = [
      [inMarch, 'zhangsan', 'wm1'],
      [inMarchToo, 'lisi', 'wm2'],
      [unlinked, 'zhangsan', 'wm3'],
      [inApril, 'zhangsan', 'wm4'],
    ] as const
    for (const [t, staff, external] of adds)
      await payload.create({
        collection: 'wechat-adds',
        data: { at: t.at, staffUserId: staff, externalUserId: external, campaignLink: t.campaignLink ?? null, touch: t.id },
      })

    const expected = {
      channel: [{ key: 'wechat', count: 3 }],
      campaign: [
        { key: null, count: 1 },
        { key: 'spring', count: 2 },
      ],
      link: [
        { key: null, count: 1 },
        { key: 'poster', count: 2 },
      ],
    }
    const sorted = (counts: GroupCount[] = []) => [...counts].sort((a, b) => String(a.key).localeCompare(String(b.key)))
    for (const group of ['channel', 'campaign', 'link'] as const) {
      for (const model of ['first', 'last'] as const) {
        expect(sorted((await counters.sqliteFunnelCounts(payload)(query(model, group))).added)).toEqual(sorted(expected[group]))
        expect(sorted((await counters.localApiFunnelCounts(payload)(query(model, group))).added)).toEqual(sorted(expected[group]))
      }
    }
    const report = await funnel.loadFunnel(payload, query('first', 'link'), 'en')
    expect(report.rows.find((r) => r.key === 'poster')).toMatchObject({
      label: 'poster · Spring poster',
      leads: 2,
      added: 2,
      leadToAdded: 1,
    })
    expect(report.total.added).toBe(3)
  })
})
