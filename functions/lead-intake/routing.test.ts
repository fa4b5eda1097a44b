import { describe, expect, it } from 'vitest'

import { type Route, routeLead, type RoutingRule } from './routing'

describe('routeLead', () => {
  const rules: RoutingRule[] = [
    { field: 'region', value: 'south', recipient: 'south@x.co' },
    { field: 'product', value: 'cloud', team: 7 },
    { field: 'product', value: 'box', team: { id: 8 }, recipient: 'box@x.co' },
    { field: 'empty', value: 'rule' },
    { channel: 'wechat', recipient: 'wechat@x.co' },
    { channel: 'douyin', team: '9' },
  ]
  it.each<[Record<string, unknown>, string | null, Route]>([
    [{ region: 'South' }, null, { recipient: 'south@x.co' }],
    [{ region: ['north', 'south'] }, 'wechat', { recipient: 'south@x.co' }],
    [{ region: 'north' }, 'WeChat', { recipient: 'wechat@x.co' }],
    [{ region: 'north' }, 'weibo', { recipient: 'default@x.co' }],
    [{}, null, { recipient: 'default@x.co' }],
    [{ product: 'Cloud' }, 'wechat', { team: 7 }],
    [{ product: ['box'] }, null, { team: 8 }],
    [{ region: 'south', product: 'cloud' }, null, { recipient: 'south@x.co' }],
    [{ empty: 'rule' }, 'douyin', { team: '9' }],
    [{ empty: 'rule' }, null, { recipient: 'default@x.co' }],
    [{ region: null, product: 7 }, 'x', { recipient: 'default@x.co' }],
  ])('%j from %s goes to %j', (values, channel, expected) => expect(routeLead(rules, 'default@x.co', values, channel)).toEqual(expected))
})
