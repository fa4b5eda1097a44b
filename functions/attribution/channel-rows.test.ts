import { describe, expect, it } from 'vitest'

import { CHANNEL_ROWS } from './channel-rows'
import { type Arrival, classifyTouch } from './channels'

// The channel table's rules (UTM tags, known parameters, referrer hosts), as classifyTouch applies
// them; precedence, the recorded touch and hostile input are in channels.test.ts.

const SITE = 'https://brand.example'
const AT = '2026-03-03T10:00:00.000Z'

function arrive(url: string, referrer: string | null = null, extra: Partial<Arrival> = {}) {
  return classifyTouch({ url, referrer, siteHost: 'brand.example', at: AT, ...extra })
}

function origin(url: string, referrer: string | null = null, extra: Partial<Arrival> = {}) {
  const touch = arrive(url, referrer, extra)
  return touch && [touch.channel, touch.source, touch.medium]
}

describe('classifyTouch: UTM tags', () => {
  it.each([
    ['utm_source=wechat', ['wechat', 'wechat', 'social']],
    ['utm_source=weixin&utm_medium=social', ['wechat', 'wechat', 'social']],
    ['utm_source=weibo', ['weibo', 'weibo', 'social']],
    ['utm_source=douyin&utm_medium=video', ['douyin', 'douyin', 'video']],
    ['utm_source=xiaohongshu', ['xiaohongshu', 'xiaohongshu', 'social']],
    ['utm_source=xhs', ['xiaohongshu', 'xiaohongshu', 'social']],
    ['utm_source=redbook', ['xiaohongshu', 'xiaohongshu', 'social']],
    ['utm_source=bilibili', ['bilibili', 'bilibili', 'social']],
    ['utm_source=zhihu', ['zhihu', 'zhihu', 'social']],
    ['utm_source=linkedin', ['linkedin', 'linkedin', 'social']],
    ['utm_source=x', ['x', 'x', 'social']],
    ['utm_source=twitter', ['x', 'x', 'social']],
    ['utm_source=facebook', ['facebook', 'facebook', 'social']],
    ['utm_source=fb', ['facebook', 'facebook', 'social']],
    ['utm_source=instagram', ['instagram', 'instagram', 'social']],
    ['utm_source=ig', ['instagram', 'instagram', 'social']],
    ['utm_source=youtube', ['youtube', 'youtube', 'social']],
    ['utm_source=yt', ['youtube', 'youtube', 'social']],
    ['utm_source=baidu', ['search', 'baidu', 'organic']],
    ['utm_source=google&utm_medium=cpc', ['search', 'google', 'cpc']],
    ['utm_source=bing', ['search', 'bing', 'organic']],
    ['utm_source=google&gclid=abc', ['search', 'google', 'cpc']],
    ['utm_source=newsletter', ['email', 'newsletter', 'email']],
    ['utm_source=crm&utm_medium=email', ['email', 'crm', 'email']],
    ['utm_source=poster&utm_medium=qr', ['offline', 'poster', 'qr']],
    ['utm_source=expo&utm_medium=print', ['offline', 'expo', 'print']],
    ['utm_medium=poster', ['offline', null, 'poster']],
    ['utm_source=booth&utm_medium=offline', ['offline', 'booth', 'offline']],
    ['utm_source=wechat&utm_medium=qr', ['offline', 'wechat', 'qr']],
    ['utm_source=wechat&from=timeline', ['wechat', 'wechat', 'moments']],
    ['utm_source=partnerx&utm_medium=banner', ['other', 'partnerx', 'banner']],
    ['utm_source=PartnerX', ['other', 'partnerx', null]],
    ['UTM_SOURCE=WeiBo&UTM_MEDIUM=Social', ['weibo', 'weibo', 'social']],
    ['utm_campaign=spring', ['other', null, null]],
  ])('?%s is %j', (query, expected) => {
    expect(origin(`${SITE}/spring?${query}`)).toEqual(expected)
  })

  it('keeps campaign, content and term as given, trimmed', () => {
    const touch = arrive(`${SITE}/?utm_source=weibo&utm_campaign=%20Spring%20Launch%20&utm_content=Banner-A&utm_term=Green+Tea`)
    expect([touch?.campaign, touch?.content, touch?.term]).toEqual(['Spring Launch', 'Banner-A', 'Green Tea'])
  })

  it('takes a utm_medium without a utm_source over what the referrer implies', () => {
    expect(origin(`${SITE}/?utm_medium=cpc`, 'https://www.baidu.com/s?wd=tea')).toEqual(['search', 'baidu', 'cpc'])
  })
})

describe('classifyTouch: known parameters', () => {
  it.each([
    ['from=timeline', ['wechat', 'wechat', 'moments']],
    ['from=groupmessage', ['wechat', 'wechat', 'group']],
    ['from=singlemessage&isappinstalled=0', ['wechat', 'wechat', 'chat']],
    ['from=TIMELINE', ['wechat', 'wechat', 'moments']],
    ['gclid=Cj0KCQ', ['search', 'google', 'cpc']],
    ['msclkid=abc', ['search', 'bing', 'cpc']],
    ['bd_vid=123', ['search', 'baidu', 'cpc']],
    ['fbclid=IwAR0', ['facebook', 'facebook', 'social']],
    ['from=homepage', null],
    ['gclid=', null],
    ['page=2', null],
  ])('?%s is %j', (query, expected) => {
    expect(origin(`${SITE}/?${query}`)).toEqual(expected)
  })

  it('says a paid Google click is cpc when the referrer is Google too', () => {
    expect(origin(`${SITE}/?gclid=x`, 'https://www.google.com/')).toEqual(['search', 'google', 'cpc'])
  })
})

describe('classifyTouch: referrers', () => {
  it.each([
    ['https://mp.weixin.qq.com/s/abc', ['wechat', 'wechat', 'social']],
    ['https://weixin.qq.com/', ['wechat', 'wechat', 'social']],
    ['https://weibo.com/u/1', ['weibo', 'weibo', 'social']],
    ['https://m.weibo.cn/status/1', ['weibo', 'weibo', 'social']],
    ['http://t.cn/A6abc', ['weibo', 'weibo', 'social']],
    ['https://www.douyin.com/video/1', ['douyin', 'douyin', 'social']],
    ['https://www.iesdouyin.com/share/video/1', ['douyin', 'douyin', 'social']],
    ['https://www.xiaohongshu.com/explore/1', ['xiaohongshu', 'xiaohongshu', 'social']],
    ['http://xhslink.com/a/b', ['xiaohongshu', 'xiaohongshu', 'social']],
    ['https://www.bilibili.com/video/BV1', ['bilibili', 'bilibili', 'social']],
    ['https://b23.tv/abc', ['bilibili', 'bilibili', 'social']],
    ['https://zhuanlan.zhihu.com/p/1', ['zhihu', 'zhihu', 'social']],
    ['https://www.baidu.com/link?url=x', ['search', 'baidu', 'organic']],
    ['https://m.baidu.com/', ['search', 'baidu', 'organic']],
    ['https://www.google.com/', ['search', 'google', 'organic']],
    ['https://www.google.com.hk/', ['search', 'google', 'organic']],
    ['https://www.google.co.uk/', ['search', 'google', 'organic']],
    ['https://www.google.de/', ['search', 'google', 'organic']],
    ['https://cn.bing.com/search?q=tea', ['search', 'bing', 'organic']],
    ['https://www.sogou.com/', ['search', 'sogou', 'organic']],
    ['https://www.so.com/', ['search', '360', 'organic']],
    ['https://m.sm.cn/', ['search', 'shenma', 'organic']],
    ['https://www.linkedin.com/feed/', ['linkedin', 'linkedin', 'social']],
    ['https://lnkd.in/abc', ['linkedin', 'linkedin', 'social']],
    ['https://x.com/brand', ['x', 'x', 'social']],
    ['https://twitter.com/brand', ['x', 'x', 'social']],
    ['https://t.co/abc', ['x', 'x', 'social']],
    ['https://www.facebook.com/', ['facebook', 'facebook', 'social']],
    ['https://m.facebook.com/', ['facebook', 'facebook', 'social']],
    ['https://l.facebook.com/l.php?u=x', ['facebook', 'facebook', 'social']],
    ['https://fb.com/brand', ['facebook', 'facebook', 'social']],
    ['https://www.instagram.com/', ['instagram', 'instagram', 'social']],
    ['https://www.youtube.com/watch?v=1', ['youtube', 'youtube', 'social']],
    ['https://youtu.be/1', ['youtube', 'youtube', 'social']],
    ['https://mail.qq.com/cgi-bin/frame_html', ['email', 'mail.qq.com', 'email']],
    ['https://mail.google.com/mail/u/0/', ['email', 'mail.google.com', 'email']],
    ['https://outlook.live.com/mail/0/', ['email', 'outlook.live.com', 'email']],
    ['https://mail.163.com/js6/main.jsp', ['email', 'mail.163.com', 'email']],
    ['HTTPS://M.WEIBO.CN/', ['weibo', 'weibo', 'social']],
    ['https://weibo.com./', ['weibo', 'weibo', 'social']],
    ['https://news.example/story', ['other', 'news.example', 'referral']],
    ['https://evilweibo.com/', ['other', 'evilweibo.com', 'referral']],
    ['https://weibo.com.evil.example/', ['other', 'weibo.com.evil.example', 'referral']],
    ['https://google.evil.example/', ['other', 'google.evil.example', 'referral']],
    ['https://notgoogle.com/', ['other', 'notgoogle.com', 'referral']],
    ['https://shop.brand.example/', ['other', 'shop.brand.example', 'referral']],
  ])('%s is %j', (referrer, expected) => {
    expect(origin(`${SITE}/spring`, referrer)).toEqual(expected)
  })

  it.each([
    ['https://brand.example/about', 'brand.example'],
    ['https://www.brand.example/', 'brand.example'],
    ['https://BRAND.EXAMPLE./', 'brand.example'],
    ['https://brand.example/', 'www.brand.example'],
    ['http://localhost:4321/', 'localhost:4321'],
    ['https://brand.example/', 'https://brand.example'],
  ])('a referrer %s from the site %s is internal navigation: null', (referrer, siteHost) => {
    expect(classifyTouch({ url: `${SITE}/en/`, referrer, siteHost, at: AT })).toBeNull()
  })

  it('is null for a plain visit with no referrer and nothing in the URL', () => {
    expect(arrive(`${SITE}/`)).toBeNull()
  })

  it('records internal navigation that carries UTM tags, without the internal referrer', () => {
    expect(arrive(`${SITE}/?utm_source=weibo`, `${SITE}/about`)).toMatchObject({ channel: 'weibo', referrer: null })
  })
})

describe('CHANNEL_ROWS', () => {
  it('lists mail hosts before search engines, so mail.google.com is email', () => {
    const email = CHANNEL_ROWS.findIndex((row) => row.channel === 'email')
    const google = CHANNEL_ROWS.findIndex((row) => row.source === 'google')
    expect(email).toBeLessThan(google)
  })
})
