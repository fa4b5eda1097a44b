import { isBot } from './bots'
import { type CampaignLinkArrival, classifyTouch, directTouch } from './channels'
import type { Touch } from './touch'
import { CONSENT_COOKIE, isVisitorId, readCookie, VISITOR_COOKIE } from './visitor'

/** One request for a page or a link, as the site's server sees it. */
export interface ArrivalRequest {
  method: string
  /** The full URL, query included. */
  url: string
  userAgent: string | null
  referrer: string | null
  cookieHeader: string | null
  /** The brand's own host: referrers from it are internal navigation. */
  siteHost: string
  /** When the brand asks visitors for cookie consent before giving them an id (site settings). */
  consentRequired: boolean
  now: Date
  campaignLink?: CampaignLinkArrival | null
  referralCode?: string | null
}

/** What to do about an arrival: which visitor it is, whether to give them the cookie, and the touch to record. */
export interface ArrivalDecision {
  /** Null for bots and for visitors who have not consented where consent is required. */
  visitor: string | null
  /** True when the response must set the visitor cookie (a browser seen for the first time). */
  newVisitor: boolean
  /** Null when the arrival carries nothing new (internal navigation, a plain return visit). */
  touch: Touch | null
}

const NOTHING: ArrivalDecision = { visitor: null, newVisitor: false, touch: null }

/**
 * Decides whether a request is a touch and for which visitor. Bots and HEAD requests make none; a
 * browser without consent (where required) gets no id; a new browser's first visit is at least a
 * direct touch, so that every visitor has a first touch.
 * @example decideArrival({ method: 'GET', url: 'https://brand.example/?from=timeline', userAgent: 'Mozilla/5.0 … MicroMessenger/8.0',
 *   referrer: null, cookieHeader: null, siteHost: 'brand.example', consentRequired: false, now: new Date() }, () => 'vNew').touch?.channel
 *   // 'wechat'
 */
export function decideArrival(request: ArrivalRequest, newId: () => string): ArrivalDecision {
  if (isBot(request.userAgent, request.method)) return NOTHING
  if (request.consentRequired && readCookie(request.cookieHeader, CONSENT_COOKIE) !== 'yes') return NOTHING
  const known = readCookie(request.cookieHeader, VISITOR_COOKIE)
  const existing = isVisitorId(known) ? known : null
  const touch = classifyTouch({
    url: request.url,
    referrer: request.referrer,
    siteHost: request.siteHost,
    at: request.now,
    campaignLink: request.campaignLink ?? null,
    referralCode: request.referralCode ?? null,
  })
  if (existing) return { visitor: existing, newVisitor: false, touch }
  return { visitor: newId(), newVisitor: true, touch: touch ?? directTouch(request.url, request.now) }
}
