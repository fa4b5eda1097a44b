/**
 * Every channel a touch can come from, in the order the admin lists them.
 * @example CHANNELS.includes('wechat') // true
 */
export const CHANNELS = [
  'wechat',
  'weibo',
  'douyin',
  'xiaohongshu',
  'bilibili',
  'zhihu',
  'linkedin',
  'x',
  'facebook',
  'instagram',
  'youtube',
  'search',
  'email',
  'referral',
  'offline',
  'direct',
  'other',
] as const

/** Where a touch came from, always lowercase. */
export type Channel = (typeof CHANNELS)[number]

/**
 * One arrival from a channel, as stored on a visitor and copied onto a lead as its first or last touch.
 * @example const touch: Touch = { channel: 'direct', source: null, medium: null, campaign: null, content: null, term: null, referrer: null,
 *   landingPage: '/', at: '2026-03-03T10:00:00.000Z' }
 */
export interface Touch {
  channel: Channel
  /** Lowercase: a known place ('wechat', 'baidu'), the utm_source as given, or an unknown referrer's host. */
  source: string | null
  /** Lowercase: utm_medium as given, or what the channel implies ('organic', 'cpc', 'moments', 'social', 'referral'). */
  medium: string | null
  /** As the link gave it, trimmed; may be Chinese. */
  campaign: string | null
  content: string | null
  term: string | null
  /** The external page the visitor came from; null for internal navigation or none. */
  referrer: string | null
  /** The landing URL's path, without its query. */
  landingPage: string | null
  /** The code of the campaign link (`/go/<code>`) the visitor came through. */
  campaignLink?: string | null
  /** The member's referral code (`/r/<code>`) the visitor came through. */
  referralCode?: string | null
  /** ISO 8601, UTC. */
  at: string
}

/**
 * Whether a value is one of the known channels, exactly as stored (lowercase).
 * @example isChannel('weibo') // true
 */
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
