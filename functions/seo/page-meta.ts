import { absoluteUrl } from './absolute-url'
import { articleJsonLd, breadcrumbJsonLd, type Crumb, organizationJsonLd, serializeJsonLd } from './json-ld'
import { firstText, truncate } from './text'

/** Search engines show about this many characters of a description; longer ones are cut here, not by them mid-word. */
export const MAX_DESCRIPTION = 160

/** The brand, as every page's head needs it. */
export interface SiteIdentity {
  /** The public address of the site, without a trailing slash: https://brand.example */
  siteUrl: string
  brandName: string
  tagline?: string | null
  /** Site-relative or absolute URL of the logo, for the organisation's JSON-LD. */
  logo?: string | null
  /** The brand's social accounts; http(s) URLs become the organisation's sameAs, an X handle becomes twitter:site. */
  socialAccounts?: { channel: string; handle: string; url?: string | null }[] | null
}

/** The image shared with a link: site-relative or absolute, with its size when known. */
export interface ShareImage {
  url: string
  width?: number | null
  height?: number | null
  alt?: string | null
  type?: string | null
}

/** Everything a page's head is built from. Paths are site-relative: `/en/blog/launch`. */
export interface PageMetaInput {
  site: SiteIdentity
  kind: 'home' | 'page' | 'post' | 'list' | 'notFound'
  locale: string
  defaultLocale: string
  /** This page's own path in this locale; its canonical URL. */
  path: string
  /** The same content in each locale it exists in (this one included). */
  alternates: { locale: string; path: string }[]
  /** The document's title, or a list's heading. */
  title?: string | null
  seo?: { title?: string | null; description?: string | null } | null
  /** A post's excerpt, the next fallback for the description. */
  excerpt?: string | null
  /** The chosen image (SEO image, cover image), or null to use `generatedImage`. */
  image?: ShareImage | null
  /** The generated 1200×630 card with the title in the brand colour, used when there is no image. */
  generatedImage: ShareImage
  article?: { publishedAt?: string | null; modifiedAt?: string | null; authorName?: string | null; tags?: string[] } | null
  /** The trail from the home page to this page, this page last. */
  breadcrumbs?: Crumb[]
  /** Pages that must not be indexed: the 404, drafts in preview. */
  noindex?: boolean
  /** The locale's RSS feed, announced for feed readers to discover. */
  feed?: { path: string; title: string } | null
}

/** What themes/shared/Head.astro renders: every value final, every URL absolute. */
export interface PageHead {
  title: string
  description: string
  canonical: string
  /** Absolute URL of the share image. */
  image: string
  imageAlt: string
  robots: string | null
  /** `<link rel="alternate" hreflang>` pairs, x-default included when the default locale has the content. */
  alternates: { hreflang: string; href: string }[]
  /** `<meta property>` pairs: Open Graph. */
  openGraph: [string, string][]
  /** `<meta name>` pairs: Twitter (X) cards. */
  twitter: [string, string][]
  /** `<meta itemprop>` pairs: name, description and image, which WeChat's in-app browser reads for its share card. */
  itemprop: [string, string][]
  /** The JSON-LD graph, already serialised safely for a script element. */
  jsonLd: string
  /** `<link rel="alternate" type="application/rss+xml">`, absolute. */
  feed: { href: string; title: string } | null
}

// Open Graph wants language_TERRITORY; content locales are BCP 47 tags.
const OG_LOCALES: Record<string, string> = { 'zh-CN': 'zh_CN', en: 'en_US' }

function ogLocale(locale: string): string {
  return OG_LOCALES[locale] ?? locale.replace('-', '_')
}

/**
 * The page's title: its SEO title; else its title followed by the brand; else the brand (with the
 * tagline on the home page).
 */
export function pageTitle(input: Pick<PageMetaInput, 'kind' | 'title' | 'seo' | 'site'>): string {
  const brand = firstText(input.site.brandName)
  const own = firstText(input.seo?.title)
  if (own) return own
  const title = firstText(input.title)
  if (input.kind === 'home') {
    const tagline = firstText(input.site.tagline)
    return tagline ? `${brand} | ${tagline}` : brand
  }
  return title ? `${title} | ${brand}` : brand
}

/** The page's description: its SEO description, else the excerpt, else the tagline, else the brand; at most MAX_DESCRIPTION characters. */
export function pageDescription(input: Pick<PageMetaInput, 'seo' | 'excerpt' | 'site'>): string {
  return truncate(firstText(input.seo?.description, input.excerpt, input.site.tagline, input.site.brandName), MAX_DESCRIPTION)
}

/**
 * The whole head of a page: title and description with fallbacks, canonical URL, hreflang
 * alternates, Open Graph, Twitter card, the itemprop tags WeChat reads, and JSON-LD.
 * @example pageHead({ site, kind: 'post', locale: 'en', defaultLocale: 'zh-CN', path: '/en/blog/launch', ... }).canonical
 *   // 'https://brand.example/en/blog/launch'
 */
export function pageHead(input: PageMetaInput): PageHead {
  const { site, locale } = input
  const title = pageTitle(input)
  const description = pageDescription(input)
  const canonical = absoluteUrl(site.siteUrl, input.path)
  const image = input.image ?? input.generatedImage
  const imageUrl = absoluteUrl(site.siteUrl, image.url)
  const imageAlt = firstText(image.alt, input.title, site.brandName)
  const isArticle = input.kind === 'post' && Boolean(input.article)

  const alternates = input.alternates.map((a) => ({ hreflang: a.locale, href: absoluteUrl(site.siteUrl, a.path) }))
  const fallback = input.alternates.find((a) => a.locale === input.defaultLocale)
  if (alternates.length > 1 && fallback) alternates.push({ hreflang: 'x-default', href: absoluteUrl(site.siteUrl, fallback.path) })

  const openGraph: [string, string][] = [
    ['og:type', isArticle ? 'article' : 'website'],
    ['og:site_name', site.brandName],
    ['og:title', title],
    ['og:description', description],
    ['og:url', canonical],
    ['og:locale', ogLocale(locale)],
    ...input.alternates.filter((a) => a.locale !== locale).map((a): [string, string] => ['og:locale:alternate', ogLocale(a.locale)]),
    ['og:image', imageUrl],
    ...(imageUrl.startsWith('https://') ? [['og:image:secure_url', imageUrl] as [string, string]] : []),
    ...(image.type ? [['og:image:type', image.type] as [string, string]] : []),
    ...(image.width ? [['og:image:width', String(image.width)] as [string, string]] : []),
    ...(image.height ? [['og:image:height', String(image.height)] as [string, string]] : []),
    ['og:image:alt', imageAlt],
  ]
  if (isArticle) {
    const { publishedAt, modifiedAt, tags = [] } = input.article!
    if (publishedAt) openGraph.push(['article:published_time', publishedAt])
    if (modifiedAt) openGraph.push(['article:modified_time', modifiedAt])
    for (const tag of tags) openGraph.push(['article:tag', tag])
  }

  const xHandle = (site.socialAccounts ?? []).find((a) => a.channel === 'x')?.handle?.trim()
  const twitter: [string, string][] = [
    ['twitter:card', 'summary_large_image'],
    ...(xHandle && /^@?\w{1,15}$/.test(xHandle)
      ? [['twitter:site', xHandle.startsWith('@') ? xHandle : `@${xHandle}`] as [string, string]]
      : []),
    ['twitter:title', title],
    ['twitter:description', description],
    ['twitter:image', imageUrl],
    ['twitter:image:alt', imageAlt],
  ]

  // WeChat's in-app browser builds its share card from these when the page does not use its JS-SDK.
  const itemprop: [string, string][] = [
    ['name', title],
    ['description', description],
    ['image', imageUrl],
  ]

  const organization = organizationJsonLd({
    siteUrl: site.siteUrl,
    name: site.brandName,
    logo: site.logo,
    sameAs: (site.socialAccounts ?? []).map((a) => a.url),
  })
  const article = isArticle
    ? articleJsonLd({
        siteUrl: site.siteUrl,
        url: input.path,
        headline: firstText(input.title) || title,
        description,
        image: imageUrl,
        datePublished: input.article!.publishedAt,
        dateModified: input.article!.modifiedAt,
        authorName: input.article!.authorName,
        inLanguage: locale,
      })
    : null
  const breadcrumbs = input.kind === 'notFound' ? null : breadcrumbJsonLd(site.siteUrl, input.breadcrumbs ?? [])

  return {
    title,
    description,
    canonical,
    image: imageUrl,
    imageAlt,
    robots: input.noindex ? 'noindex, follow' : null,
    alternates: input.kind === 'notFound' ? [] : alternates,
    openGraph,
    twitter,
    itemprop,
    jsonLd: serializeJsonLd([organization, article, breadcrumbs]),
    feed: input.feed ? { href: absoluteUrl(site.siteUrl, input.feed.path), title: input.feed.title } : null,
  }
}
