// The theme and layout props of a page the site makes itself (account screens, the newsletter),
// beside the CMS's pages and posts (site/lib/view.ts): the frame, the head and the language links.
import { siteUrl } from '../../cms/environment'
import { mediaUrl } from '../../functions/content/links'
import { LOCALES } from '../../functions/content/locales'
import { localizedHref } from '../../functions/content/paths'
import { pageHead } from '../../functions/seo'
import type { LayoutProps } from '../../themes/types'
import { frame } from './content'
import { themeNamed } from './themes'

/** The theme and its layout's props for the page at `path` (unprefixed, e.g. /newsletter/3) in `locale`. */
export async function pageLayout(args: {
  path: string
  locale: string
  defaultLocale: string
  stamp: string | null
  title: string
  noindex?: boolean
  /** A feed to announce in the head: its path, and its name after the brand's (`<brand> · <name>`). */
  feed?: { path: string; name: string }
}) {
  const { path, locale, defaultLocale, stamp, title } = args
  const { settings, header, footer } = await frame(locale, stamp)
  const logo = settings.logo && typeof settings.logo === 'object' && settings.logo.filename ? mediaUrl(settings.logo.filename) : null
  const meta = pageHead({
    site: { siteUrl, brandName: settings.brandName, tagline: settings.tagline, logo },
    kind: 'page',
    locale,
    defaultLocale,
    path: localizedHref(path, locale, defaultLocale),
    alternates: LOCALES.map((l) => ({ locale: l.code, path: localizedHref(path, l.code, defaultLocale) })),
    title,
    generatedImage: { url: logo ?? '/favicon.ico' },
    ...(args.noindex ? { noindex: true } : {}),
    ...(args.feed ? { feed: { path: args.feed.path, title: `${settings.brandName} · ${args.feed.name}` } } : {}),
  })
  const layout: LayoutProps = {
    locale,
    defaultLocale,
    meta,
    settings: settings as LayoutProps['settings'],
    header: header as LayoutProps['header'],
    footer: footer as LayoutProps['footer'],
    alternates: LOCALES.map((l) => ({ locale: l.code, label: l.label, href: localizedHref(path, l.code, defaultLocale) })),
    template: 'default',
  }
  return { theme: themeNamed(settings.theme), layout }
}
