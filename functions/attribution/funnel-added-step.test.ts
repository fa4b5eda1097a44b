// The added-on-WeChat step of the funnel: between leads and members, with lead → added as its rate.
import { describe, expect, it } from 'vitest'

import { buildFunnel, FUNNEL_STEPS } from './funnel'
import { query } from './funnel.test-helper'

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
