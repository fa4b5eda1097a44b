import { LOCALES } from '../../../functions/content/locales'
import { localizedHref } from '../../../functions/content/paths'
import { siteUrl } from '../../../cms/environment'
import type { LayoutProps } from '../../../themes/types'
import { accountStrings } from '../../../themes/shared/account/strings'
import { frame } from '../cms'
import { themeNamed } from '../themes'
import type { Screen } from './routes'

/** The theme's layout and its props for an account screen (never indexed: it is one person's page). */
export async function accountLayout(screen: Screen, path: string, locale: string, defaultLocale: string, stamp: string | null) {
  const { settings, header, footer } = await frame(locale, stamp)
  const title = `${accountStrings(locale).titles[screen]} | ${settings.brandName}`
  const layout: LayoutProps = {
    locale,
    defaultLocale,
    meta: { title, description: settings.tagline ?? settings.brandName, canonical: `${siteUrl}${localizedHref(path, locale, defaultLocale)}`, image: null },
    settings: settings as LayoutProps['settings'],
    header: header as LayoutProps['header'],
    footer: footer as LayoutProps['footer'],
    alternates: LOCALES.map((l) => ({ locale: l.code, label: l.label, href: localizedHref(path, l.code, defaultLocale) })),
    template: 'default',
  }
  return { Layout: themeNamed(settings.theme).Layout, layout }
}
