// What every theme's layout computes before its markup: the brand colour, the logo, the
// navigation and the footer, from the LayoutProps the site hands a theme.
import { isBrandColor } from '../../functions/content/brand-color'
import { hrefOf, mediaUrl } from '../../functions/content/links'
import { localizedHref } from '../../functions/content/paths'
import { safeHref } from '../../functions/content/safe-url'
import type { LayoutProps, LinkValue } from '../types'

/** The brand colour used when the setting is missing or is not a colour (it would reach CSS). */
const FALLBACK_BRAND_COLOR = '#c8102e'

export interface NavLink {
  label: string
  href: string
}

export interface LayoutModel {
  /** settings.brandColor when it is a colour (isBrandColor), so a setting cannot inject CSS. */
  brandColor: string
  homeHref: string
  /** The logo's 480-pixel WebP (or its original), for the header and the favicon. */
  logoSrc: string | null
  /** A campaign page: no navigation, no search box, no footer columns. */
  landing: boolean
  navItems: NavLink[]
  footer: {
    columns: { heading: string; links: NavLink[] }[]
    /** The brand's social accounts; `href` only when the URL is safe to link to. */
    social: { text: string; href: string | null }[]
    smallPrint: string
  }
}

const links = (items: { link: LinkValue }[] | null | undefined, locale: string, defaultLocale: string): NavLink[] =>
  (items ?? [])
    .map(({ link }) => ({ label: link.label ?? '', href: hrefOf(link, locale, defaultLocale) }))
    .filter((l): l is NavLink => Boolean(l.href))

/** The data of a theme's layout, from its props. */
export function layoutModel({ locale, defaultLocale, settings, header, footer, template = 'default' }: LayoutProps): LayoutModel {
  const logo = settings.logo && typeof settings.logo === 'object' ? settings.logo : null
  return {
    brandColor: isBrandColor(settings.brandColor) ? settings.brandColor : FALLBACK_BRAND_COLOR,
    homeHref: localizedHref('/', locale, defaultLocale),
    logoSrc: mediaUrl(logo?.sizes?.webp480?.filename ?? logo?.filename),
    landing: template === 'landing',
    navItems: links(header.items, locale, defaultLocale),
    footer: {
      columns: (footer.columns ?? []).map((column) => ({ heading: column.heading, links: links(column.links, locale, defaultLocale) })),
      social: (settings.socialAccounts ?? []).map((account) => ({
        text: `${account.channel}: ${account.handle}`,
        href: safeHref(account.url) ?? null,
      })),
      smallPrint: footer.smallPrint ?? `© ${settings.brandName}`,
    },
  }
}
