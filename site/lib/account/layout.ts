import { accountStrings } from '../../../themes/shared/account/strings'
import { pageLayout } from '../page-layout'
import type { Screen } from './routes'

/** The theme's layout and its props for an account screen: one person's page, never indexed. */
export async function accountLayout(screen: Screen, path: string, locale: string, defaultLocale: string, stamp: string | null) {
  const { theme, layout } = await pageLayout({
    path,
    locale,
    defaultLocale,
    stamp,
    title: accountStrings(locale).titles[screen],
    noindex: true,
  })
  return { Layout: theme.Layout, layout }
}
