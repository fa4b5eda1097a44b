// anonymiseTouch: a touch kept for the funnel with every personal value cleared.
import { describe, expect, it } from 'vitest'

import { anonymiseTouch } from './erasure-plan'

describe('anonymiseTouch', () => {
  it.each<[unknown, unknown]>([
    [null, null],
    ['wechat', null],
    [
      { channel: 'direct', landingPage: 'not a url at all %%', at: '2026-01-01T00:00:00.000Z' },
      {
        channel: 'direct',
        source: null,
        medium: null,
        campaign: null,
        content: null,
        term: null,
        referrer: null,
        landingPage: '/not%20a%20url%20at%20all%20%%',
        campaignLink: null,
        referralCode: null,
        at: '2026-01-01T00:00:00.000Z',
      },
    ],
    [
      { channel: 'direct', landingPage: 'https://brand.example/a/b?x=1', ipHash: 'h', email: 'a@b.c' },
      {
        channel: 'direct',
        source: null,
        medium: null,
        campaign: null,
        content: null,
        term: null,
        referrer: null,
        landingPage: '/a/b',
        campaignLink: null,
        referralCode: null,
        at: null,
      },
    ],
  ])('anonymises %j', (input, expected) => {
    // Some inputs are deliberately malformed touches.
    expect(anonymiseTouch(input as Parameters<typeof anonymiseTouch>[0])).toEqual(expected)
  })
})
