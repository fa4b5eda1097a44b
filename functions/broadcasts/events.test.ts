import { describe, expect, it } from 'vitest'

import { broadcastCampaign, broadcastStats, cameFrom } from './events'

describe('cameFrom', () => {
  const sentAt = '2026-03-01T00:00:00.000Z'
  const click = { channel: 'email', campaign: broadcastCampaign('3') }
  const cases: [string, { createdAt: string; firstTouch?: unknown; lastTouch?: unknown }, number][] = [
    ['last touch a click in it, the next day', { createdAt: '2026-03-02T00:00:00.000Z', lastTouch: click }, 1],
    ['first touch a click in it', { createdAt: '2026-03-02T00:00:00.000Z', firstTouch: click, lastTouch: { campaign: 'x' } }, 1],
    ['at the moment of sending', { createdAt: sentAt, lastTouch: click }, 1],
    ['29 days and 23 hours later', { createdAt: '2026-03-30T23:00:00.000Z', lastTouch: click }, 1],
    ['30 days later', { createdAt: '2026-03-31T00:00:00.000Z', lastTouch: click }, 0],
    ['known before the send', { createdAt: '2026-02-28T23:59:59.000Z', lastTouch: click }, 0],
    ['another broadcast', { createdAt: '2026-03-02T00:00:00.000Z', lastTouch: { campaign: broadcastCampaign('33') } }, 0],
    ['no touch', { createdAt: '2026-03-02T00:00:00.000Z' }, 0],
    ['a touch that is not an object', { createdAt: '2026-03-02T00:00:00.000Z', lastTouch: 'broadcast-3' }, 0],
  ]
  it.each(cases)('%s', (_, person, expected) => {
    expect(cameFrom([person], '3', sentAt)).toBe(expected)
  })
  it('counts nobody for a broadcast not sent yet', () => {
    expect(cameFrom([{ createdAt: '2026-03-02T00:00:00.000Z', lastTouch: click }], '3', null)).toBe(0)
  })
})

describe('broadcastStats', () => {
  it('counts each recipient once per kind, with the people it brought', () => {
    expect(
      broadcastStats(
        { recipients: 3, accepted: 3 },
        [
          { type: 'opened', recipient: 'm:1' },
          { type: 'opened', recipient: 'm:1' },
          { type: 'clicked', recipient: 'm:2' },
          { type: 'delivered', recipient: null },
        ],
        { leads: 2, members: 1 },
      ),
    ).toEqual({
      recipients: 3,
      accepted: 3,
      delivered: 0,
      bounced: 0,
      complained: 0,
      opened: 1,
      clicked: 1,
      unsubscribed: 0,
      leads: 2,
      members: 1,
    })
  })
})
