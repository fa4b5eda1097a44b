import { siteUrl } from '../../../cms/environment'
import { mediaUrl } from '../../../functions/content/links'
import { LOCALES } from '../../../functions/content/locales'
import { localizedHref } from '../../../functions/content/paths'
import { pageHead } from '../../../functions/seo'
import { accountStrings } from '../../../themes/shared/account/strings'
import type { LayoutProps } from '../../../themes/types'
import { frame } from '../content'
import { themeNamed } from '../themes'
import type { Screen } from './routes'

/** The theme's layout and its props for an account screen: one person's page, never indexed. */
export async function accountLayout(screen: Screen, path: string, locale: string, defaultLocale: string, stamp: string | null) {
  const { settings, header, footer } = await frame(locale, stamp)
  const href = localizedHref(path, locale, defaultLocale)
  const logo = settings.logo && typeof settings.logo === 'object' ? mediaUrl(settings.logo.filename) : null
  const meta = pageHead({
    site: { siteUrl, brandName: settings.brandName, tagline: settings.tagline, logo },
    kind: 'page',
    locale,
    defaultLocale,
    path: href,
    alternates: LOCALES.map((l) => ({ locale: l.code, path: localizedHref(path, l.code, defaultLocale) })),
    title: accountStrings(locale).titles[screen],
    generatedImage: { url: logo ?? '/favicon.ico' },
    noindex: true,
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
  return { Layout: themeNamed(settings.theme).Layout, layout }
}
