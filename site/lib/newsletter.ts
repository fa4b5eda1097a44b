// The newsletter archive on the site: sent public broadcasts listed, their web versions and the feed.
import { type ArchivedIssue, archivedIssue, archiveEntries, type ArchiveEntry } from '../../cms/broadcasts/archive'
import { siteUrl } from '../../cms/environment'
import { LOCALE_CODES } from '../../functions/content/locales'
import { localePrefix, localizedHref } from '../../functions/content/paths'
import { absoluteUrl, firstText, rssXml } from '../../functions/seo'
import { newsletterStrings } from '../../themes/shared/newsletter'
import { cms } from './cms'
import { frame } from './content'
import { perStamp } from './per-stamp'
import { siteDefaultLocale } from './view'

export type { ArchivedIssue, ArchiveEntry }

/** How many issues the archive page and the feed carry. */
const ARCHIVE_SIZE = 100
const FEED_SIZE = 20

const entries = perStamp(async (key) => {
  const [locale, defaultLocale] = key.split('|') as [string, string]
  return archiveEntries(await cms(), locale, defaultLocale, ARCHIVE_SIZE)
})
const issues = perStamp(async (key) => {
  const [locale, id] = key.split('|') as [string, string]
  return archivedIssue(await cms(), id, locale, siteUrl)
}, 200)

/**
 * The locale a newsletter route serves: none in the path is the site's default; a prefix (`en`)
 * names its locale unless that is the default (which lives at the root only), else null (a 404).
 */
export async function newsletterLocale(prefix: string | undefined, stamp: string | null) {
  const defaultLocale = await siteDefaultLocale(stamp)
  if (prefix === undefined) return { locale: defaultLocale, defaultLocale }
  const locale = LOCALE_CODES.find((l) => localePrefix(l) === prefix)
  return locale && locale !== defaultLocale ? { locale, defaultLocale } : null
}

/** The sent public broadcasts of a locale, newest first (read once per content stamp). */
export function newsletterArchive(locale: string, defaultLocale: string, stamp: string | null): Promise<ArchiveEntry[]> {
  return entries(stamp, `${locale}|${defaultLocale}`)
}

/** The web version of one archived broadcast, or null (not sent, not public, no such id). */
export function newsletterIssue(locale: string, id: string, stamp: string | null): Promise<ArchivedIssue | null> {
  return /^[0-9a-f]{1,24}$/i.test(id) ? issues(stamp, `${locale}|${id}`) : Promise.resolve(null)
}

/** The archive's own path in a locale: /newsletter, /en/newsletter, and an issue's below it. */
export const newsletterHref = (locale: string, defaultLocale: string, id?: string) =>
  localizedHref(id ? `/newsletter/${id}` : '/newsletter', locale, defaultLocale)

/** The RSS feed of a locale's archive: /newsletter/rss.xml, /en/newsletter/rss.xml. */
export async function newsletterFeed(locale: string, defaultLocale: string, stamp: string | null): Promise<string> {
  const [{ settings }, list] = await Promise.all([frame(locale, stamp), newsletterArchive(locale, defaultLocale, stamp)])
  const t = newsletterStrings(locale)
  return rssXml({
    title: `${settings.brandName} · ${t.title}`,
    link: absoluteUrl(siteUrl, newsletterHref(locale, defaultLocale)),
    description: firstText(settings.tagline, settings.brandName),
    language: locale,
    selfUrl: absoluteUrl(siteUrl, newsletterHref(locale, defaultLocale, 'rss.xml')),
    items: list.slice(0, FEED_SIZE).map((issue) => ({
      title: issue.subject,
      link: absoluteUrl(siteUrl, newsletterHref(locale, defaultLocale, issue.id)),
      description: issue.preheader,
      publishedAt: issue.sentAt,
    })),
  })
}
