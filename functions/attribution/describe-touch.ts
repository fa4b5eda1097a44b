import type { Channel, Touch } from './touch'

/** The languages the sales email is written in. */
export type DescribeLocale = 'zh-CN' | 'en'

const CHANNEL_NAMES: Record<DescribeLocale, Record<Channel, string>> = {
  en: {
    wechat: 'WeChat',
    weibo: 'Weibo',
    douyin: 'Douyin',
    xiaohongshu: 'Xiaohongshu',
    bilibili: 'Bilibili',
    zhihu: 'Zhihu',
    linkedin: 'LinkedIn',
    x: 'X',
    facebook: 'Facebook',
    instagram: 'Instagram',
    youtube: 'YouTube',
    search: 'Search',
    email: 'Email',
    referral: 'Referral',
    offline: 'Offline',
    direct: 'Direct',
    other: 'Other',
  },
  'zh-CN': {
    wechat: '微信',
    weibo: '微博',
    douyin: '抖音',
    xiaohongshu: '小红书',
    bilibili: '哔哩哔哩',
    zhihu: '知乎',
    linkedin: '领英',
    x: 'X',
    facebook: 'Facebook',
    instagram: 'Instagram',
    youtube: 'YouTube',
    search: '搜索引擎',
    email: '邮件',
    referral: '推荐',
    offline: '线下',
    direct: '直接访问',
    other: '其他',
  },
}

const SEARCH_ENGINES: Record<DescribeLocale, ReadonlyMap<string, string>> = {
  en: new Map([
    ['baidu', 'Baidu'],
    ['google', 'Google'],
    ['bing', 'Bing'],
    ['sogou', 'Sogou'],
    ['360', '360'],
    ['shenma', 'Shenma'],
  ]),
  'zh-CN': new Map([
    ['baidu', '百度'],
    ['google', '谷歌'],
    ['bing', '必应'],
    ['sogou', '搜狗'],
    ['360', '360'],
    ['shenma', '神马'],
  ]),
}

const WORDS = {
  en: {
    wechat: new Map([
      ['moments', 'WeChat Moments'],
      ['group', 'a WeChat group'],
      ['chat', 'a WeChat chat'],
    ]),
    search: (engine: string | undefined, paid: boolean) =>
      engine ? `${engine} ${paid ? 'ads' : 'search'}` : paid ? 'search ads' : 'a search engine',
    email: 'an email',
    referral: (code: string | null) => (code ? `a referral (code ${code})` : 'a referral'),
    offline: 'a QR code or print',
    elsewhere: 'another site',
    campaign: (campaign: string) => ` via campaign ${campaign}`,
    link: (code: string) => ` via link /go/${code}`,
    date: (date: string) => ` on ${date}`,
    first: (what: string | null) => (what ? `First came from ${what}` : 'First came directly'),
    last: (what: string | null) => (what ? `last from ${what}` : 'last came directly'),
    onlyLast: (what: string | null) => (what ? `Last came from ${what}` : 'Last came directly'),
    once: (what: string | null) => (what ? `Came from ${what}` : 'Came directly'),
    join: (first: string, last: string) => `${first}; ${last}.`,
    end: '.',
    unknown: 'Where they came from is not known.',
  },
  'zh-CN': {
    wechat: new Map([
      ['moments', '微信朋友圈'],
      ['group', '微信群'],
      ['chat', '微信聊天'],
    ]),
    search: (engine: string | undefined, paid: boolean) => (engine ? `${engine}${paid ? '广告' : '搜索'}` : paid ? '搜索广告' : '搜索引擎'),
    email: '邮件',
    referral: (code: string | null) => (code ? `推荐（推荐码 ${code}）` : '推荐'),
    offline: '线下二维码或印刷品',
    elsewhere: '其他网站',
    campaign: (campaign: string) => `（活动 ${campaign}）`,
    link: (code: string) => `（短链接 /go/${code}）`,
    date: (date: string) => `，${date}`,
    first: (what: string | null) => (what ? `首次来自${what}` : '首次直接访问'),
    last: (what: string | null) => (what ? `最近一次来自${what}` : '最近一次直接访问'),
    onlyLast: (what: string | null) => (what ? `最近一次来自${what}` : '最近一次直接访问'),
    once: (what: string | null) => (what ? `来自${what}` : '直接访问'),
    join: (first: string, last: string) => `${first}；${last}。`,
    end: '。',
    unknown: '来源未知。',
  },
} as const

const DATE_FORMATS: Record<DescribeLocale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
}

const SAME_KEYS = [
  'channel',
  'source',
  'medium',
  'campaign',
  'content',
  'term',
  'referrer',
  'landingPage',
  'campaignLink',
  'referralCode',
  'at',
] as const

/**
 * A channel's name for people, as the admin's charts and the sales email show it.
 * @example channelName('xiaohongshu', 'zh-CN') // '小红书'
 */
export function channelName(channel: Channel, locale: DescribeLocale): string {
  return CHANNEL_NAMES[pick(locale)][channel] ?? channel
}

/**
 * Where a lead came from, first and last, in one or two sentences for the sales email.
 * @example describeTouches(first, last, 'en') // 'First came from WeChat Moments via campaign spring-launch on 3 March 2026;
 *   last from Baidu search on 5 March 2026.'
 */
export function describeTouches(first: Touch | null, last: Touch | null, locale: DescribeLocale): string {
  const lang = pick(locale)
  const w = WORDS[lang]
  if (first && last && SAME_KEYS.every((key) => (first[key] ?? null) === (last[key] ?? null))) return clause(first, lang, w.once) + w.end
  if (first && last) return w.join(clause(first, lang, w.first), clause(last, lang, w.last))
  if (first) return clause(first, lang, w.first) + w.end
  if (last) return clause(last, lang, w.onlyLast) + w.end
  return w.unknown
}

function clause(touch: Touch, lang: DescribeLocale, lead: (what: string | null) => string): string {
  const w = WORDS[lang]
  const time = new Date(touch.at)
  const date = Number.isNaN(time.getTime()) ? '' : w.date(DATE_FORMATS[lang].format(time))
  if (touch.channel === 'direct') return lead(null) + date
  const via = touch.campaign ? w.campaign(touch.campaign) : touch.campaignLink ? w.link(touch.campaignLink) : ''
  return lead(place(touch, lang) + via) + date
}

function place(touch: Touch, lang: DescribeLocale): string {
  const w = WORDS[lang]
  switch (touch.channel) {
    case 'wechat':
      return w.wechat.get(touch.medium ?? '') ?? channelName('wechat', lang)
    case 'search':
      return w.search(SEARCH_ENGINES[lang].get(touch.source ?? ''), touch.medium === 'cpc')
    case 'email':
      return w.email
    case 'referral':
      return w.referral(touch.referralCode ?? null)
    case 'offline':
      return w.offline
    case 'other':
      return touch.source ?? w.elsewhere
    default:
      return channelName(touch.channel, lang)
  }
}

function pick(locale: string): DescribeLocale {
  return locale === 'zh-CN' ? 'zh-CN' : 'en'
}
