import { describe, expect, it } from 'vitest'

import { type ArrivalRequest, decideArrival } from './arrival'

const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47'
const base: ArrivalRequest = {
  method: 'GET',
  url: 'https://brand.example/',
  userAgent: PHONE,
  referrer: null,
  cookieHeader: null,
  siteHost: 'brand.example',
  consentRequired: false,
  now: new Date('2026-03-03T10:00:00Z'),
}
const known = 'vAAAAAAAAAAAAAAAAAAAAAA'
const id = () => 'vNEWNEWNEWNEWNEWNEWNEWN'
const decide = (over: Partial<ArrivalRequest>) => decideArrival({ ...base, ...over }, id)

describe('decideArrival', () => {
  it('gives a new browser an id and a direct first touch when nothing says where it came from', () => {
    const d = decide({})
    expect(d).toMatchObject({ visitor: 'vNEWNEWNEWNEWNEWNEWNEWN', newVisitor: true })
    expect(d.touch).toMatchObject({ channel: 'direct', landingPage: '/', at: '2026-03-03T10:00:00.000Z' })
  })

  it('records a WeChat Moments arrival for a new browser', () => {
    expect(decide({ url: 'https://brand.example/spring?from=timeline' }).touch).toMatchObject({
      channel: 'wechat',
      medium: 'moments',
      landingPage: '/spring',
    })
  })

  it('records no touch for a known browser navigating inside the site', () => {
    expect(decide({ cookieHeader: `bs_visitor=${known}`, referrer: 'https://brand.example/blog' })).toEqual({
      visitor: known,
      newVisitor: false,
      touch: null,
    })
  })

  it('records a new touch for a known browser arriving with UTM tags', () => {
    const d = decide({
      cookieHeader: `x=1; bs_visitor=${known}`,
      url: 'https://brand.example/?utm_source=linkedin&utm_medium=social&utm_campaign=launch',
    })
    expect(d.visitor).toBe(known)
    expect(d.newVisitor).toBe(false)
    expect(d.touch).toMatchObject({ channel: 'linkedin', campaign: 'launch' })
  })

  it('treats a forged or malformed visitor cookie as a new browser', () => {
    for (const cookie of ['bs_visitor=1', 'bs_visitor=__proto__', `bs_visitor=${'v'.repeat(5000)}`, 'bs_visitor=%E0%A4%A']) {
      expect(decide({ cookieHeader: cookie }).newVisitor).toBe(true)
    }
  })

  it('credits the campaign link over the URL', () => {
    const d = decide({
      url: 'https://brand.example/go/poster',
      campaignLink: { code: 'poster', channel: 'offline', source: 'poster', medium: 'qr', campaign: 'spring' },
    })
    expect(d.touch).toMatchObject({ channel: 'offline', campaignLink: 'poster', campaign: 'spring' })
  })

  it.each([
    ['a crawler', { userAgent: 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)' }],
    ["Slack's link preview", { userAgent: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' }],
    ['a HEAD request', { method: 'HEAD' }],
    ['no user agent', { userAgent: null }],
  ])('makes no visitor and no touch for %s', (_, over) => {
    expect(decide({ url: 'https://brand.example/?utm_source=weibo', ...over })).toEqual({ visitor: null, newVisitor: false, touch: null })
  })

  it('gives no id and keeps no touch without consent where consent is required', () => {
    expect(decide({ consentRequired: true, url: 'https://brand.example/?from=timeline' })).toEqual({
      visitor: null,
      newVisitor: false,
      touch: null,
    })
    expect(decide({ consentRequired: true, cookieHeader: 'bs_consent=no' }).visitor).toBeNull()
    expect(decide({ consentRequired: true, cookieHeader: 'bs_consent=yes' })).toMatchObject({
      newVisitor: true,
      touch: { channel: 'direct' },
    })
  })
})
