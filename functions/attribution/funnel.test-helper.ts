// The query and the counts per step the funnel-*.test.ts files build their reports from (March 2026, by channel).
import type { FunnelCounts, FunnelQuery } from './funnel'

export const query = (sort: FunnelQuery['sort'] = { by: 'visits', dir: 'desc' }): FunnelQuery => ({
  range: { from: '2026-03-01', to: '2026-03-31' },
  group: 'channel',
  model: 'first',
  sort,
})

export const counts: FunnelCounts = {
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
