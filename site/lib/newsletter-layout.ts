// The theme and layout props of a newsletter page (apart from site/lib/newsletter.ts, which reads
// data only and so loads without any theme's components).
import { siteUrl } from '../../cms/environment'
import { mediaUrl } from '../../functions/content/links'
import { LOCALES } from '../../functions/content/locales'
import { localizedHref } from '../../functions/content/paths'
import { pageHead } from '../../functions/seo'
import { newsletterStrings } from '../../themes/shared/newsletter'
import type { LayoutProps } from '../../themes/types'
import { frame } from './content'
import { newsletterHref } from './newsletter'
import { themeNamed } from './themes'

/** The theme's layout and its props for a newsletter page at `path` (the unprefixed path: /newsletter/3). */
export async function newsletterLayout(path: string, locale: string, defaultLocale: string, stamp: string | null, title: string) {
  const { settings, header, footer } = await frame(locale, stamp)
  const logo = settings.logo && typeof settings.logo === 'object' && settings.logo.filename ? mediaUrl(settings.logo.filename) : null
  const t = newsletterStrings(locale)
  const meta = pageHead({
    site: { siteUrl, brandName: settings.brandName, tagline: settings.tagline, logo },
    kind: 'page',
    locale,
    defaultLocale,
    path: localizedHref(path, locale, defaultLocale),
    alternates: LOCALES.map((l) => ({ locale: l.code, path: localizedHref(path, l.code, defaultLocale) })),
    title,
    generatedImage: { url: logo ?? '/favicon.ico' },
    feed: { path: newsletterHref(locale, defaultLocale, 'rss.xml'), title: `${settings.brandName} · ${t.title}` },
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
