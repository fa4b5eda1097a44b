// Entry: who arrived from where. Every page request and campaign-link click passes here once,
// in the request pipeline's arrival stage (site/lib/pipeline.ts).
import { siteUrl } from '../../cms/environment'
import { decideArrival } from '../../functions/attribution/arrival'
import { isBot } from '../../functions/attribution/bots'
import { classifyTouch, directTouch } from '../../functions/attribution/channels'
import { safeRedirectTarget, withUtm } from '../../functions/attribution/safe-target'
import type { Touch } from '../../functions/attribution/touch'
import { createTouchRecorder, type TouchStore } from '../../functions/attribution/touch-recorder'
import { isVisitorId, newVisitorId, readCookie, VISITOR_COOKIE, visitorCookie } from '../../functions/attribution/visitor'
import { isValidCode } from '../../functions/links/codes'
import { normalizeReferralCode } from '../../functions/members/referral-code'
import { contentViews, createPageViewRecorder } from '../../functions/nurture/page-views'
import { attributionSettings } from './campaign-links'
import { contentStamp } from './cms'
import { contentPagesIndex } from './content'
import { insertActivityRows, linkActivityToLead, membersStore, touchStore } from './stores'

const FLUSH_MS = 1000
const secure = siteUrl.startsWith('https:')
const siteHost = new URL(siteUrl).host

// The store is opened on the first write, so that importing this module costs nothing.
const lazyStore: TouchStore = {
  insertTouches: async (rows) => (await touchStore()).insertTouches(rows),
  addClicks: async (rows) => (await touchStore()).addClicks(rows),
  touchesOf: async (visitor, before) => (await touchStore()).touchesOf(visitor, before),
  linkVisitor: async (visitor, lead) => (await touchStore()).linkVisitor(visitor, lead),
}
const recorder = createTouchRecorder(lazyStore, (error) =>
  console.error('Touches not stored yet (will retry):', error instanceof Error ? error.message : error),
)
let flushing: NodeJS.Timeout | null = null
// Page views of (consented) visitors, batched like touches: the page never waits for the database.
const pageViews = createPageViewRecorder()
let viewsWriting: Promise<void> = Promise.resolve()

/**
 * Writes the page views held in memory: those of content pages, with their categories (a 404, a
 * search or an endpoint is no reading). A failed write is kept for the next flush.
 */
function flushPageViews(): Promise<void> {
  viewsWriting = viewsWriting.then(async () => {
    const batch = pageViews.take()
    if (!batch.length) return
    try {
      await insertActivityRows(contentViews(batch, await contentPagesIndex(await contentStamp())))
    } catch (error) {
      pageViews.retry(batch)
      console.error('Page views not stored yet (will retry):', error instanceof Error ? error.message : error)
    }
  })
  return viewsWriting
}

/** Writes batched touches, clicks and page views every second from now on; once per process (site/lib/fast-path.ts). */
export function startArrivals(): void {
  flushing ??= setInterval(() => void recorder.flush().then(flushPageViews), FLUSH_MS).unref()
}

/** Writes the touches, clicks and page views still in memory (on shutdown, and in tests). */
export const flushArrivals = () => recorder.flush().then(flushPageViews)

/** Requests that are never arrivals: files, endpoints and the CMS's preview hand-off. */
const NOT_A_PAGE = /^\/(?:_astro|media|api|preview|favicon|robots\.txt|sitemap|rss\.xml|share-image|search-index|healthz)|\.[a-z0-9]{2,5}$/i

/** The request facts an arrival needs, from Node's request or a Fetch Request alike. */
export interface ArrivalInput {
  method: string
  /** Path and query, as requested. */
  path: string
  host: string | null
  userAgent: string | null
  referrer: string | null
  cookie: string | null
}

/** What the response must carry: the visitor cookie for a browser seen the first time. */
export interface ArrivalOutcome {
  setCookie: string | null
  /** For /go/<code>: where to send the visitor; null when the code is unknown (the themed 404 answers). */
  redirect: string | null
}

const NONE: ArrivalOutcome = { setCookie: null, redirect: null }

function note(
  input: ArrivalInput,
  stampSettings: { touchesNeedConsent: boolean },
  extra: { campaignLink?: Parameters<typeof decideArrival>[0]['campaignLink']; referralCode?: string } = {},
) {
  const decision = decideArrival(
    {
      method: input.method,
      url: `${siteUrl}${input.path}`,
      userAgent: input.userAgent,
      referrer: input.referrer,
      cookieHeader: input.cookie,
      siteHost: input.host ?? siteHost,
      consentRequired: stampSettings.touchesNeedConsent,
      now: new Date(),
      campaignLink: extra.campaignLink ?? null,
      referralCode: extra.referralCode ?? null,
    },
    newVisitorId,
  )
  if (decision.visitor && decision.touch) recorder.record(decision.visitor, decision.touch)
  // A page view for every page a (consented) browser reads; which of them are content is decided when the batch is written.
  if (decision.visitor && input.method === 'GET') pageViews.note(decision.visitor, input.path.split('?', 1)[0]!, new Date())
  return decision.newVisitor && decision.visitor ? visitorCookie(decision.visitor, secure) : null
}

/**
 * Records the touch a page request makes, if any, and says whether to set the visitor cookie.
 * Cheap on purpose (a cookie read, a URL parse, a push onto an in-memory batch): it runs before
 * every cached page.
 */
export async function noteArrival(input: ArrivalInput, stamp: string | null): Promise<ArrivalOutcome> {
  if (input.method !== 'GET' && input.method !== 'HEAD') return NONE
  const pathname = input.path.split('?', 1)[0]!
  if (NOT_A_PAGE.test(pathname)) return NONE
  const settings = await attributionSettings(stamp)
  const referral = /^\/r\/([^/?#]*)$/.exec(pathname)
  if (referral) return noteReferral(input, settings, referral[1]!)
  const go = /^\/go\/([^/?#]*)$/.exec(pathname)
  if (!go) return { setCookie: note(input, settings), redirect: null }

  // /go/<code>: only a stored link's code is followed; everything else is a 404, never a redirect.
  const code = go[1]!
  const link = isValidCode(code) ? settings.links.get(code) : undefined
  if (!link) return NONE
  const target = link.archived || !link.target ? null : safeRedirectTarget(link.target, siteUrl, link.allowOffsite)
  const location = target ? withUtm(target, link.utm).href : new URL(settings.fallbackPath, siteUrl).href
  if (link.archived || !target) return { setCookie: null, redirect: location }
  const human = !isBot(input.userAgent, input.method)
  if (human) recorder.click(link.code, new Date())
  const setCookie = note(input, settings, { campaignLink: { code: link.code, channel: link.channel, ...link.utm } })
  return { setCookie, redirect: location }
}

/**
 * /r/<code>, a member's referral link: a known code sends the visitor to the home page with a
 * touch that carries the code (the referrer is credited when this visitor becomes a member);
 * anything else is a 404, never a redirect.
 */
async function noteReferral(input: ArrivalInput, settings: { touchesNeedConsent: boolean }, raw: string): Promise<ArrivalOutcome> {
  let code: string | null = null
  try {
    code = normalizeReferralCode(decodeURIComponent(raw))
  } catch {
    // A malformed escape names no code.
  }
  if (!code || !(await (await membersStore()).memberByReferralCode(code))) return NONE
  return { setCookie: note(input, settings, { referralCode: code }), redirect: new URL('/', siteUrl).href }
}

/**
 * The visitor's first touch and latest touch now, for a submission: what is still in memory is
 * written first. Null touches for a browser without a (consented) visitor id.
 */
export async function touchesForConversion(
  cookie: string | null,
): Promise<{ visitor: string | null; first: Touch | null; last: Touch | null }> {
  const visitor = readCookie(cookie, VISITOR_COOKIE)
  if (!isVisitorId(visitor)) return { visitor: null, first: null, last: null }
  // Stored before the conversion is, which is stored with its activity: the timeline keeps the order.
  await recorder.flush().then(flushPageViews)
  const { first, last } = await lazyStore.touchesOf(visitor, new Date())
  return { visitor, first, last }
}

/**
 * The touch of the page a form was sent from, by the same channel rules as every arrival: what a
 * submission keeps when its browser has no (consented) visitor id.
 */
export function landingTouch(pageUrl: string, referrer: string | null, at = new Date()): Touch {
  return classifyTouch({ url: pageUrl, referrer, siteHost, at }) ?? directTouch(pageUrl, at)
}

/** After a submission (or a member's confirmation): the visitor's touches and page views become the lead's timeline. */
export async function linkVisitorToLead(visitor: string, lead: string | number): Promise<void> {
  await lazyStore.linkVisitor(visitor, lead)
  await flushPageViews()
  await linkActivityToLead(visitor, lead)
}
