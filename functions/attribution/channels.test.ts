import { describe, expect, it } from 'vitest'

import { type Arrival, classifyTouch, directTouch } from './channels'

// classifyTouch's precedence, the touch it records and hostile input; the channel table's rules
// are in channel-rows.test.ts.

const SITE = 'https://brand.example'
const AT = '2026-03-03T10:00:00.000Z'

function arrive(url: string, referrer: string | null = null, extra: Partial<Arrival> = {}) {
  return classifyTouch({ url, referrer, siteHost: 'brand.example', at: AT, ...extra })
}

function origin(url: string, referrer: string | null = null, extra: Partial<Arrival> = {}) {
  const touch = arrive(url, referrer, extra)
  return touch && [touch.channel, touch.source, touch.medium]
}

describe('classifyTouch: precedence (campaign link > referral > UTM > parameters > referrer)', () => {
  it('lets UTM tags win over the referrer, keeping the referrer', () => {
    expect(arrive(`${SITE}/?utm_source=weibo`, 'https://www.google.com/')).toMatchObject({
      channel: 'weibo',
      source: 'weibo',
      referrer: 'https://www.google.com/',
    })
  })

  it("lets WeChat's from= win over the referrer", () => {
    expect(origin(`${SITE}/?from=timeline`, 'https://weibo.com/')).toEqual(['wechat', 'wechat', 'moments'])
  })

  it('lets a referral code win over UTM tags, keeping where it was shared', () => {
    expect(arrive(`${SITE}/r/K7?utm_source=wechat&utm_campaign=friends`, null, { referralCode: 'K7' })).toMatchObject({
      channel: 'referral',
      source: 'wechat',
      medium: 'referral',
      campaign: 'friends',
      referralCode: 'K7',
      campaignLink: null,
    })
  })

  it('records a referral with nothing else', () => {
    expect(arrive(`${SITE}/`, null, { referralCode: ' K7 ' })).toMatchObject({
      channel: 'referral',
      source: null,
      medium: 'referral',
      referralCode: 'K7',
    })
  })

  it("lets a campaign link's values win over the URL's", () => {
    const campaignLink = {
      code: 'spring-qr',
      channel: 'offline',
      source: 'Poster',
      medium: 'qr',
      campaign: '春季发布',
      content: 'A1',
      term: null,
    }
    expect(arrive(`${SITE}/spring?utm_source=weibo&utm_campaign=other&utm_term=tea`, null, { campaignLink })).toEqual({
      channel: 'offline',
      source: 'poster',
      medium: 'qr',
      campaign: '春季发布',
      content: 'A1',
      term: 'tea',
      referrer: null,
      landingPage: '/spring',
      campaignLink: 'spring-qr',
      referralCode: null,
      at: AT,
    })
  })

  it('lets a campaign link win over a referral code, recording both', () => {
    expect(arrive(`${SITE}/`, null, { campaignLink: { code: 'expo', channel: 'offline' }, referralCode: 'K7' })).toMatchObject({
      channel: 'offline',
      campaignLink: 'expo',
      referralCode: 'K7',
    })
  })

  it.each([
    ['its channel, normalised', { code: 'a', channel: ' WeChat ' }, null, ['wechat', null, null]],
    ['the channel its source names', { code: 'a', source: 'weibo' }, null, ['weibo', 'weibo', null]],
    ["the URL's channel when the link names none", { code: 'a' }, 'https://mp.weixin.qq.com/s/1', ['wechat', 'wechat', 'social']],
    [
      "the link's channel without the URL's source when they differ",
      { code: 'a', channel: 'offline' },
      'https://mp.weixin.qq.com/s/1',
      ['offline', null, null],
    ],
    ['other when nothing names a channel', { code: 'a', channel: 'myspace' }, null, ['other', null, null]],
  ])('takes %s', (_, campaignLink, referrer, expected) => {
    expect(origin(`${SITE}/`, referrer, { campaignLink })).toEqual(expected)
  })

  it('ignores a campaign link without a code', () => {
    expect(arrive(`${SITE}/`, null, { campaignLink: { code: '   ', channel: 'offline' } })).toBeNull()
  })
})

describe('classifyTouch: the touch it records', () => {
  it('records every field', () => {
    expect(
      arrive(`${SITE}/en/tea?utm_source=weibo&utm_medium=social&utm_campaign=spring-launch#form`, 'https://weibo.com/u/1?from=feed'),
    ).toEqual({
      channel: 'weibo',
      source: 'weibo',
      medium: 'social',
      campaign: 'spring-launch',
      content: null,
      term: null,
      referrer: 'https://weibo.com/u/1?from=feed',
      landingPage: '/en/tea',
      campaignLink: null,
      referralCode: null,
      at: AT,
    })
  })

  it('takes the time from a Date or a string, as UTC ISO', () => {
    expect(arrive(`${SITE}/?from=timeline`, null, { at: new Date(Date.UTC(2026, 2, 5, 8)) })?.at).toBe('2026-03-05T08:00:00.000Z')
    expect(arrive(`${SITE}/?from=timeline`, null, { at: '2026-03-05T16:00:00+08:00' })?.at).toBe('2026-03-05T08:00:00.000Z')
  })

  it('keeps Chinese campaign names intact', () => {
    expect(arrive(`${SITE}/?utm_source=wechat&utm_campaign=${encodeURIComponent('春季发布 2026')}`)?.campaign).toBe('春季发布 2026')
    expect(arrive(`${SITE}/?utm_source=wechat&utm_campaign=春季发布`)?.campaign).toBe('春季发布')
  })

  it('cuts fields to 200 characters without splitting a character', () => {
    expect(arrive(`${SITE}/?utm_source=wechat&utm_campaign=${'春'.repeat(300)}`)?.campaign).toBe('春'.repeat(200))
    expect(arrive(`${SITE}/?utm_source=wechat&utm_campaign=${encodeURIComponent('😀'.repeat(250))}`)?.campaign).toBe('😀'.repeat(200))
    expect(arrive(`${SITE}/?utm_source=${'s'.repeat(300)}`)?.source).toBe('s'.repeat(200))
  })

  it('cuts the referrer and the landing page to 500 characters', () => {
    const touch = arrive(`${SITE}/${'p'.repeat(600)}?utm_source=weibo`, `https://news.example/${'r'.repeat(600)}`)
    expect(touch?.referrer).toBe(`https://news.example/${'r'.repeat(600)}`.slice(0, 500))
    expect(touch?.landingPage).toBe(`/${'p'.repeat(499)}`)
  })

  it('takes the first of a repeated parameter', () => {
    expect(arrive(`${SITE}/?utm_source=weibo&utm_source=wechat&utm_campaign=a&utm_campaign=b`)).toMatchObject({
      channel: 'weibo',
      campaign: 'a',
    })
  })

  it('drops control and bidirectional-override characters from values', () => {
    expect(arrive(`${SITE}/?utm_source=weibo&utm_campaign=${encodeURIComponent('spring\u0000\u202e-launch\n')}`)?.campaign).toBe(
      'spring-launch',
    )
  })
})

describe('classifyTouch: hostile input never throws', () => {
  const urls = [
    '::::',
    'http://',
    'javascript:alert(1)',
    '%E0%A4%A',
    '',
    `${SITE}/%E0%A4%A?utm_source=%E0%A4%A&utm_campaign=%E0%A4%A`,
    `${SITE}/?${'a=1&'.repeat(2500)}utm_source=weibo`,
    `${SITE}/?utm_campaign=${'x'.repeat(10_240)}`,
    `${SITE}/?__proto__=x&constructor=y&__proto__[polluted]=1&toString=z`,
    `${SITE}/?utm_source=__proto__&utm_medium=constructor&utm_campaign=hasOwnProperty`,
    `${SITE}/?from=__proto__&gclid=constructor`,
  ]
  const referrers = [
    '::::',
    'http://',
    'javascript:alert(1)',
    '%E0%A4%A',
    '',
    null,
    'https://weibo.com/?__proto__=1',
    `https://${'a'.repeat(300)}.example/`,
  ]

  it.each(urls.flatMap((url) => referrers.map((referrer) => [url.slice(0, 60), referrer?.slice(0, 60) ?? null, url, referrer] as const)))(
    'url %s, referrer %s',
    (_, __, url, referrer) => {
      expect(() => arrive(url, referrer)).not.toThrow()
      expect(() =>
        arrive(url, referrer, { campaignLink: { code: '__proto__', channel: 'constructor' }, referralCode: 'toString' }),
      ).not.toThrow()
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    },
  )

  it.each([
    ['::::', null, null],
    ['http://', null, null],
    ['javascript:alert(1)', null, null],
    ['%E0%A4%A', null, null],
    [`${SITE}/`, '::::', null],
    [`${SITE}/`, 'javascript:alert(1)', null],
    [`${SITE}/`, 'http://', null],
    [`${SITE}/`, '%E0%A4%A', null],
    ['::::', 'https://weibo.com/', ['weibo', 'weibo', 'social']],
    [`${SITE}/?utm_source=__proto__`, null, ['other', '__proto__', null]],
    [`${SITE}/?utm_source=constructor`, null, ['other', 'constructor', null]],
    [`${SITE}/?utm_source=toString`, null, ['other', 'tostring', null]],
    [`${SITE}/?__proto__=timeline&constructor=x`, null, null],
    [`${SITE}/?${'a=1&'.repeat(2500)}utm_source=weibo`, null, ['weibo', 'weibo', 'social']],
  ])('url %s with referrer %s is %j', (url, referrer, expected) => {
    expect(origin(url, referrer)).toEqual(expected)
  })

  it('records no landing page for an unreadable URL', () => {
    expect(arrive('::::', 'https://weibo.com/')?.landingPage).toBeNull()
  })

  it('keeps an unreadable escape as text rather than failing', () => {
    expect(arrive(`${SITE}/?utm_source=weibo&utm_campaign=%E0%A4%A`)?.campaign).toBe('\uFFFD%A')
  })
})

describe('directTouch', () => {
  it('records the landing page of a first visit with nothing else', () => {
    expect(directTouch(`${SITE}/en/tea?x=1#top`, AT)).toEqual({
      channel: 'direct',
      source: null,
      medium: null,
      campaign: null,
      content: null,
      term: null,
      referrer: null,
      landingPage: '/en/tea',
      campaignLink: null,
      referralCode: null,
      at: AT,
    })
  })

  it('records no landing page for an unreadable URL', () => {
    expect(directTouch('::::', new Date(AT))).toMatchObject({ channel: 'direct', landingPage: null, at: AT })
  })
})
