// Campaign links and the attribution settings, as the arrival stage follows them.
import { pageHref } from '../../functions/content/paths'
import { cms } from './cms'
import { perStamp } from './per-stamp'

/** A campaign link as the site follows it: where `/go/<code>` sends a visitor, and what the touch says. */
export interface CampaignLinkRoute {
  code: string
  archived: boolean
  /** A site path, or a full URL (checked again by safeRedirectTarget when followed). */
  target: string | null
  allowOffsite: boolean
  channel: string | null
  utm: { source?: string | null; medium?: string | null; campaign?: string | null; content?: string | null; term?: string | null }
}

/** What attribution needs from the site settings. */
export interface AttributionSettings {
  touchesNeedConsent: boolean
  /** Where archived campaign links go. */
  fallbackPath: string
  links: Map<string, CampaignLinkRoute>
}

/**
 * Campaign links and attribution settings, read once per content stamp: saving a link bumps the
 * stamp (cms/collections/CampaignLinks.ts), so a changed target is followed within seconds.
 */
export function attributionSettings(stamp: string | null): Promise<AttributionSettings> {
  return attribution(stamp)
}

const attribution = perStamp(async (): Promise<AttributionSettings> => {
  const payload = await cms()
  const [settings, links] = await Promise.all([
    payload.findGlobal({ slug: 'site-settings', depth: 1 }),
    payload.find({ collection: 'campaign-links', limit: 0, pagination: false, depth: 1 }),
  ])
  const fallback = settings.attribution?.campaignLinkFallback
  const map = new Map<string, CampaignLinkRoute>()
  for (const link of links.docs) {
    const { target } = link
    const page =
      target?.kind === 'page' && target.page && typeof target.page === 'object' && target.page._status !== 'draft' && target.page.path
        ? pageHref(target.page.path)
        : null
    const post =
      target?.kind === 'post' && target.post && typeof target.post === 'object' && target.post.slug ? `/blog/${target.post.slug}` : null
    if (link.code)
      map.set(link.code, {
        code: link.code,
        archived: link.status === 'archived',
        target: page ?? post ?? (target?.kind === 'url' ? (target.url ?? null) : null),
        allowOffsite: Boolean(target?.allowOffsite),
        channel: link.channel ?? null,
        utm: link.utm ?? {},
      })
  }
  return {
    touchesNeedConsent: Boolean(settings.attribution?.touchesNeedConsent),
    fallbackPath: fallback && typeof fallback === 'object' && fallback.path ? pageHref(fallback.path) : '/',
    links: map,
  }
})
