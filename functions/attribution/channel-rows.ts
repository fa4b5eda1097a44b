// The one table of channels and the lookups in it: which row a UTM tag, a known query parameter
// or a referrer's host names. channels.ts reads an arrival into a touch with them.
import { cleanText } from './clean-text'
import { isHostOf } from './parse-url'
import type { Channel } from './touch'

/** The longest source, medium or campaign a touch keeps. */
export const FIELD_MAX = 200

/** Where a touch came from, as the table names it. */
export interface Origin {
  channel: Channel
  source: string | null
  medium: string | null
}

/** A query parameter that names a place by being there (a click id) or by one of its values (WeChat's `from=`). */
export interface KnownParam {
  name: string
  /** The lowercase value that counts; without it, any non-empty value does. */
  value?: string
  medium: string
}

/** One place a visitor can come from, and every way an arrival can name it. */
export interface ChannelRow {
  channel: Channel
  /** The source a touch gets; null keeps the one that arrived (the utm_source, or the referrer's host). */
  source: string | null
  /** The medium when the arrival names none. */
  medium: string | null
  utmSources?: readonly string[]
  utmMediums?: readonly string[]
  params?: readonly KnownParam[]
  /** Referrer domains, subdomains included, or a pattern for the whole host. */
  referrers?: readonly (string | RegExp)[]
}

// google.com, google.de, google.com.hk, google.co.uk; not google.evil.example.
const GOOGLE_HOST = /(?:^|\.)google\.(?:com?\.)?[a-z]{2,3}$/

/**
 * The one table that recognises channels, searched from the top: utm_medium rows before utm_source
 * rows, and mail hosts before search engines so that mail.google.com is email, not Google search.
 * @example CHANNEL_ROWS.find((row) => row.source === 'baidu')?.channel // 'search'
 */
export const CHANNEL_ROWS: readonly ChannelRow[] = [
  { channel: 'offline', source: null, medium: null, utmMediums: ['qr', 'qrcode', 'print', 'poster', 'flyer', 'offline'] },
  {
    channel: 'email',
    source: null,
    medium: 'email',
    utmSources: ['newsletter', 'email'],
    utmMediums: ['email', 'e-mail', 'edm', 'newsletter'],
    referrers: [
      'mail.qq.com',
      'exmail.qq.com',
      'mail.google.com',
      'outlook.live.com',
      'outlook.office.com',
      'mail.163.com',
      'mail.126.com',
    ],
  },
  {
    channel: 'wechat',
    source: 'wechat',
    medium: 'social',
    utmSources: ['wechat', 'weixin'],
    params: [
      { name: 'from', value: 'timeline', medium: 'moments' },
      { name: 'from', value: 'groupmessage', medium: 'group' },
      { name: 'from', value: 'singlemessage', medium: 'chat' },
    ],
    referrers: ['weixin.qq.com'],
  },
  { channel: 'weibo', source: 'weibo', medium: 'social', utmSources: ['weibo'], referrers: ['weibo.com', 'weibo.cn', 't.cn'] },
  { channel: 'douyin', source: 'douyin', medium: 'social', utmSources: ['douyin'], referrers: ['douyin.com', 'iesdouyin.com'] },
  {
    channel: 'xiaohongshu',
    source: 'xiaohongshu',
    medium: 'social',
    utmSources: ['xiaohongshu', 'xhs', 'redbook', 'rednote'],
    referrers: ['xiaohongshu.com', 'xhslink.com'],
  },
  { channel: 'bilibili', source: 'bilibili', medium: 'social', utmSources: ['bilibili'], referrers: ['bilibili.com', 'b23.tv'] },
  { channel: 'zhihu', source: 'zhihu', medium: 'social', utmSources: ['zhihu'], referrers: ['zhihu.com'] },
  { channel: 'linkedin', source: 'linkedin', medium: 'social', utmSources: ['linkedin'], referrers: ['linkedin.com', 'lnkd.in'] },
  { channel: 'x', source: 'x', medium: 'social', utmSources: ['x', 'twitter'], referrers: ['x.com', 'twitter.com', 't.co'] },
  {
    channel: 'facebook',
    source: 'facebook',
    medium: 'social',
    utmSources: ['facebook', 'fb'],
    params: [{ name: 'fbclid', medium: 'social' }],
    referrers: ['facebook.com', 'fb.com'],
  },
  { channel: 'instagram', source: 'instagram', medium: 'social', utmSources: ['instagram', 'ig'], referrers: ['instagram.com'] },
  { channel: 'youtube', source: 'youtube', medium: 'social', utmSources: ['youtube', 'yt'], referrers: ['youtube.com', 'youtu.be'] },
  {
    channel: 'search',
    source: 'baidu',
    medium: 'organic',
    utmSources: ['baidu'],
    params: [{ name: 'bd_vid', medium: 'cpc' }],
    referrers: ['baidu.com'],
  },
  {
    channel: 'search',
    source: 'google',
    medium: 'organic',
    utmSources: ['google'],
    params: [{ name: 'gclid', medium: 'cpc' }],
    referrers: [GOOGLE_HOST],
  },
  {
    channel: 'search',
    source: 'bing',
    medium: 'organic',
    utmSources: ['bing'],
    params: [{ name: 'msclkid', medium: 'cpc' }],
    referrers: ['bing.com'],
  },
  { channel: 'search', source: 'sogou', medium: 'organic', utmSources: ['sogou'], referrers: ['sogou.com'] },
  { channel: 'search', source: '360', medium: 'organic', utmSources: ['360', 'so.com'], referrers: ['so.com'] },
  { channel: 'search', source: 'shenma', medium: 'organic', utmSources: ['shenma', 'sm.cn'], referrers: ['sm.cn'] },
]

/** The row a UTM medium names, else the row its source names. */
export function rowByUtm(source: string | null, medium: string | null): ChannelRow | undefined {
  return (
    (medium ? CHANNEL_ROWS.find((row) => row.utmMediums?.includes(medium)) : undefined) ??
    (source ? CHANNEL_ROWS.find((row) => row.utmSources?.includes(source)) : undefined)
  )
}

/** The row of the first known parameter the URL carries (a click id, WeChat's from=). */
export function originByParam(params: Map<string, string>): Origin | null {
  for (const row of CHANNEL_ROWS) {
    const param = row.params?.find((p) => hasParam(params, p))
    if (param) return { channel: row.channel, source: row.source, medium: param.medium }
  }
  return null
}

/** Whether the URL carries `param` (with its value, when it names one). */
export function hasParam(params: Map<string, string>, param: KnownParam): boolean {
  const value = params.get(param.name)?.trim().toLowerCase()
  return param.value === undefined ? Boolean(value) : value === param.value
}

/** The row of a referrer's host; any other host is a referral from elsewhere. */
export function originByReferrer(host: string | null): Origin | null {
  if (!host) return null
  const row = CHANNEL_ROWS.find((r) => r.referrers?.some((d) => (typeof d === 'string' ? isHostOf(host, d) : d.test(host))))
  if (!row) return { channel: 'other', source: cleanText(host, FIELD_MAX), medium: 'referral' }
  return { channel: row.channel, source: row.source ?? cleanText(host, FIELD_MAX), medium: row.medium }
}
