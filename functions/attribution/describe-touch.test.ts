import { describe, expect, it } from 'vitest'

import { channelName, describeTouches } from './describe-touch'
import { CHANNELS, type Touch } from './touch'

function touch(fields: Partial<Touch>): Touch {
  return {
    channel: 'direct',
    source: null,
    medium: null,
    campaign: null,
    content: null,
    term: null,
    referrer: null,
    landingPage: '/',
    at: '2026-03-03T10:00:00.000Z',
    ...fields,
  }
}

const MOMENTS = touch({ channel: 'wechat', source: 'wechat', medium: 'moments', campaign: 'spring-launch', at: '2026-03-03T10:00:00.000Z' })
const BAIDU = touch({ channel: 'search', source: 'baidu', medium: 'organic', at: '2026-03-05T10:00:00.000Z' })
const DIRECT = touch({ channel: 'direct', at: '2026-03-03T10:00:00.000Z' })
const LATER = '2026-03-05T10:00:00.000Z'

describe('describeTouches', () => {
  it.each([
    [
      MOMENTS,
      BAIDU,
      'en',
      'First came from WeChat Moments via campaign spring-launch on 3 March 2026; last from Baidu search on 5 March 2026.',
    ],
    [MOMENTS, BAIDU, 'zh-CN', '首次来自微信朋友圈（活动 spring-launch），2026年3月3日；最近一次来自百度搜索，2026年3月5日。'],
    [DIRECT, BAIDU, 'en', 'First came directly on 3 March 2026; last from Baidu search on 5 March 2026.'],
    [DIRECT, BAIDU, 'zh-CN', '首次直接访问，2026年3月3日；最近一次来自百度搜索，2026年3月5日。'],
    [
      MOMENTS,
      { ...DIRECT, at: LATER },
      'en',
      'First came from WeChat Moments via campaign spring-launch on 3 March 2026; last came directly on 5 March 2026.',
    ],
    [
      MOMENTS,
      { ...DIRECT, at: LATER },
      'zh-CN',
      '首次来自微信朋友圈（活动 spring-launch），2026年3月3日；最近一次直接访问，2026年3月5日。',
    ],
    [MOMENTS, { ...MOMENTS }, 'en', 'Came from WeChat Moments via campaign spring-launch on 3 March 2026.'],
    [MOMENTS, { ...MOMENTS }, 'zh-CN', '来自微信朋友圈（活动 spring-launch），2026年3月3日。'],
    [DIRECT, DIRECT, 'en', 'Came directly on 3 March 2026.'],
    [DIRECT, DIRECT, 'zh-CN', '直接访问，2026年3月3日。'],
    [MOMENTS, null, 'en', 'First came from WeChat Moments via campaign spring-launch on 3 March 2026.'],
    [null, BAIDU, 'en', 'Last came from Baidu search on 5 March 2026.'],
    [null, BAIDU, 'zh-CN', '最近一次来自百度搜索，2026年3月5日。'],
    [null, null, 'en', 'Where they came from is not known.'],
    [null, null, 'zh-CN', '来源未知。'],
  ] as const)('%j then %j in %s', (first, last, locale, expected) => {
    expect(describeTouches(first, last, locale)).toBe(expected)
  })

  it.each([
    [{ channel: 'wechat', medium: 'group' }, 'a WeChat group', '微信群'],
    [{ channel: 'wechat', medium: 'chat' }, 'a WeChat chat', '微信聊天'],
    [{ channel: 'wechat', medium: 'social' }, 'WeChat', '微信'],
    [{ channel: 'search', source: 'google', medium: 'cpc' }, 'Google ads', '谷歌广告'],
    [{ channel: 'search', source: 'bing', medium: 'organic' }, 'Bing search', '必应搜索'],
    [{ channel: 'search', source: 'yahoo', medium: 'organic' }, 'a search engine', '搜索引擎'],
    [{ channel: 'weibo', source: 'weibo', medium: 'social' }, 'Weibo', '微博'],
    [{ channel: 'xiaohongshu' }, 'Xiaohongshu', '小红书'],
    [{ channel: 'email', source: 'newsletter' }, 'an email', '邮件'],
    [{ channel: 'referral', referralCode: 'K7' }, 'a referral (code K7)', '推荐（推荐码 K7）'],
    [{ channel: 'referral' }, 'a referral', '推荐'],
    [{ channel: 'offline', source: 'poster', medium: 'qr' }, 'a QR code or print', '线下二维码或印刷品'],
    [{ channel: 'other', source: 'news.example' }, 'news.example', 'news.example'],
    [{ channel: 'other' }, 'another site', '其他网站'],
    [
      { channel: 'offline', campaignLink: 'expo-2026' },
      'a QR code or print via link /go/expo-2026',
      '线下二维码或印刷品（短链接 /go/expo-2026）',
    ],
  ] as const)('names %j', (fields, en, zh) => {
    expect(describeTouches(touch(fields), null, 'en')).toBe(`First came from ${en} on 3 March 2026.`)
    expect(describeTouches(touch(fields), null, 'zh-CN')).toBe(`首次来自${zh}，2026年3月3日。`)
  })

  it('dates in UTC, whatever the offset the time was written with', () => {
    expect(describeTouches(touch({ channel: 'zhihu', at: '2026-03-03T23:30:00-08:00' }), null, 'en')).toBe(
      'First came from Zhihu on 4 March 2026.',
    )
    expect(describeTouches(touch({ channel: 'zhihu', at: '2026-03-04T07:30:00+08:00' }), null, 'zh-CN')).toBe(
      '首次来自知乎，2026年3月3日。',
    )
  })

  it('leaves out a date it cannot read', () => {
    expect(describeTouches(touch({ channel: 'bilibili', at: 'yesterday' }), null, 'en')).toBe('First came from Bilibili.')
  })

  it('treats two touches that differ only in time as two', () => {
    expect(describeTouches(MOMENTS, { ...MOMENTS, at: LATER }, 'en')).toBe(
      'First came from WeChat Moments via campaign spring-launch on 3 March 2026; ' +
        'last from WeChat Moments via campaign spring-launch on 5 March 2026.',
    )
  })
})

describe('channelName', () => {
  it.each([
    ['wechat', 'WeChat', '微信'],
    ['xiaohongshu', 'Xiaohongshu', '小红书'],
    ['bilibili', 'Bilibili', '哔哩哔哩'],
    ['linkedin', 'LinkedIn', '领英'],
    ['search', 'Search', '搜索引擎'],
    ['direct', 'Direct', '直接访问'],
    ['offline', 'Offline', '线下'],
  ] as const)('%s is %s and %s', (channel, en, zh) => {
    expect(channelName(channel, 'en')).toBe(en)
    expect(channelName(channel, 'zh-CN')).toBe(zh)
  })

  it('names every channel in both languages', () => {
    for (const channel of CHANNELS) {
      expect(channelName(channel, 'en')).toMatch(/\S/)
      expect(channelName(channel, 'zh-CN')).toMatch(/\S/)
    }
  })
})
