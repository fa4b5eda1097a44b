import { FIELD_MAX, hasParam, type Origin, originByParam, originByReferrer, rowByUtm } from './channel-rows'
import { cleanText } from './clean-text'
import { firstParams, normalHost, parseWebUrl } from './parse-url'
import { type Channel, isChannel, type Touch } from './touch'

// Reading an arrival (URL, referrer, campaign link, referral code) into a touch, by the rules of
// the channel table (channel-rows.ts) and a fixed precedence.

/** The campaign link (`/go/<code>`) a visitor came through, as the CMS stores it. */
export interface CampaignLinkArrival {
  code: string
  channel?: string | null
  source?: string | null
  medium?: string | null
  campaign?: string | null
  content?: string | null
  term?: string | null
}

/** What the site knows about one page request when it decides whether it is a touch. */
export interface Arrival {
  /** The full landing URL, query included. */
  url: string
  referrer: string | null
  /** The brand's own host; referrers from it (or its www. variant) are internal. */
  siteHost: string
  at: Date | string
  campaignLink?: CampaignLinkArrival | null
  referralCode?: string | null
}

interface Utm {
  source: string | null
  medium: string | null
  campaign: string | null
  content: string | null
  term: string | null
}

const REFERRER_MAX = 500
const PATH_MAX = 500

/**
 * The touch an arrival makes, or null when it carries no new information (internal navigation, a plain visit).
 * @example classifyTouch({ url: 'https://brand.example/?from=timeline', referrer: null, siteHost: 'brand.example',
 *   at: '2026-03-03T00:00:00Z' })?.medium // 'moments'
 */
export function classifyTouch(arrival: Arrival): Touch | null {
  const url = parseWebUrl(arrival.url)
  const params = firstParams(url)
  const referrer = externalReferrer(arrival.referrer, arrival.siteHost)
  const utm = readUtm(params)
  const link = readCampaignLink(arrival.campaignLink)
  const referralCode = cleanText(arrival.referralCode, FIELD_MAX)
  const tagged = Object.values(utm).some((value) => value !== null)

  // Precedence, strongest first: campaign link > referral code > UTM tags > known parameters
  // (from=, gclid, …) > referrer host > direct. The link and the referral are editor- and
  // member-made, so they overrule whatever the URL says; a direct touch is the caller's call (directTouch).
  let origin: Origin | null = byUtm(utm, params) ?? originByParam(params) ?? originByReferrer(referrer?.host ?? null)
  if (origin && utm.medium && !utm.source) origin = { ...origin, medium: utm.medium }
  if (!origin && tagged) origin = { channel: 'other', source: null, medium: utm.medium }
  if (referralCode) origin = { channel: 'referral', source: origin?.source ?? null, medium: 'referral' }
  if (link) origin = linkOrigin(link, origin)
  if (!origin) return null

  return {
    ...origin,
    campaign: link?.campaign ?? utm.campaign,
    content: link?.content ?? utm.content,
    term: link?.term ?? utm.term,
    referrer: referrer?.text ?? null,
    landingPage: url ? cleanText(url.pathname, PATH_MAX) : null,
    campaignLink: link?.code ?? null,
    referralCode,
    at: isoTime(arrival.at),
  }
}

/**
 * The touch of a browser's very first visit when nothing says where it came from.
 * @example directTouch('https://brand.example/en/?x=1', '2026-03-03T00:00:00Z').landingPage // '/en/'
 */
export function directTouch(url: string, at: Date | string): Touch {
  const parsed = parseWebUrl(url)
  return {
    channel: 'direct',
    source: null,
    medium: null,
    campaign: null,
    content: null,
    term: null,
    referrer: null,
    landingPage: parsed ? cleanText(parsed.pathname, PATH_MAX) : null,
    campaignLink: null,
    referralCode: null,
    at: isoTime(at),
  }
}

function readUtm(params: Map<string, string>): Utm {
  return {
    source: cleanText(params.get('utm_source'), FIELD_MAX)?.toLowerCase() ?? null,
    medium: cleanText(params.get('utm_medium'), FIELD_MAX)?.toLowerCase() ?? null,
    campaign: cleanText(params.get('utm_campaign'), FIELD_MAX),
    content: cleanText(params.get('utm_content'), FIELD_MAX),
    term: cleanText(params.get('utm_term'), FIELD_MAX),
  }
}

function byUtm(utm: Utm, params: Map<string, string>): Origin | null {
  const row = rowByUtm(utm.source, utm.medium)
  if (!row) return utm.source ? { channel: 'other', source: utm.source, medium: utm.medium } : null
  const paramMedium = row.params?.find((param) => hasParam(params, param))?.medium
  return { channel: row.channel, source: row.source ?? utm.source, medium: utm.medium ?? paramMedium ?? row.medium }
}

function externalReferrer(raw: string | null, siteHost: string): { host: string; text: string | null } | null {
  const url = parseWebUrl(typeof raw === 'string' ? raw.trim() : null)
  if (!url) return null
  const host = normalHost(url.hostname)
  if (!host || host === normalHost(typeof siteHost === 'string' ? siteHost : '')) return null
  return { host, text: cleanText(raw, REFERRER_MAX) }
}

function readCampaignLink(link: CampaignLinkArrival | null | undefined): (Utm & { code: string; channel: Channel | null }) | null {
  if (!link || typeof link !== 'object') return null
  const code = cleanText(link.code, FIELD_MAX)
  if (!code) return null
  const channel = cleanText(link.channel, FIELD_MAX)?.toLowerCase()
  return {
    code,
    channel: isChannel(channel) ? channel : null,
    source: cleanText(link.source, FIELD_MAX)?.toLowerCase() ?? null,
    medium: cleanText(link.medium, FIELD_MAX)?.toLowerCase() ?? null,
    campaign: cleanText(link.campaign, FIELD_MAX),
    content: cleanText(link.content, FIELD_MAX),
    term: cleanText(link.term, FIELD_MAX),
  }
}

function linkOrigin(link: Utm & { channel: Channel | null }, base: Origin | null): Origin {
  const channel = link.channel ?? rowByUtm(link.source, link.medium)?.channel ?? base?.channel ?? 'other'
  // The URL's source and medium only fill in when they describe the same channel as the link.
  const fallback = base?.channel === channel ? base : null
  return { channel, source: link.source ?? fallback?.source ?? null, medium: link.medium ?? fallback?.medium ?? null }
}

function isoTime(at: Date | string): string {
  const date = at instanceof Date ? at : new Date(typeof at === 'string' ? at : Number.NaN)
  // The time comes from the server, not the visitor; an unreadable one is replaced by now rather than losing the touch.
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString()
}
