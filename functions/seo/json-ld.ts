import { absoluteUrl } from './absolute-url'

/** One JSON-LD node (schema.org vocabulary). */
export type JsonLdNode = Record<string, unknown>

/** The brand as schema.org sees it. */
export interface OrganizationInput {
  siteUrl: string
  name: string
  /** Site-relative or absolute URL of the logo. */
  logo?: string | null
  /** Profile URLs of the brand's social accounts; anything not http(s) is left out. */
  sameAs?: (string | null | undefined)[]
}

/** The stable identifier other nodes use to point at the organisation. */
export function organizationId(siteUrl: string): string {
  return `${absoluteUrl(siteUrl, '/')}#organization`
}

/**
 * The schema.org Organization of the brand: name, URL, logo and social profiles.
 * @example organizationJsonLd({ siteUrl: 'https://brand.example', name: 'Cinnabar' })['@type'] // 'Organization'
 */
export function organizationJsonLd({ siteUrl, name, logo, sameAs = [] }: OrganizationInput): JsonLdNode {
  const profiles = sameAs.filter((url): url is string => typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url))
  return {
    '@type': 'Organization',
    '@id': organizationId(siteUrl),
    name,
    url: absoluteUrl(siteUrl, '/'),
    ...(logo ? { logo: absoluteUrl(siteUrl, logo) } : {}),
    ...(profiles.length > 0 ? { sameAs: profiles } : {}),
  }
}

/** What an article's JSON-LD is made of; URLs may be site-relative. */
export interface ArticleInput {
  siteUrl: string
  url: string
  headline: string
  description?: string | null
  image?: string | null
  datePublished?: string | null
  dateModified?: string | null
  authorName?: string | null
  inLanguage: string
}

/**
 * A schema.org Article for a post, published by the organisation.
 * Google shows at most 110 characters of a headline, so longer ones are cut.
 */
export function articleJsonLd(input: ArticleInput): JsonLdNode {
  const { siteUrl } = input
  const url = absoluteUrl(siteUrl, input.url)
  return {
    '@type': 'Article',
    '@id': `${url}#article`,
    mainEntityOfPage: url,
    headline: [...input.headline].slice(0, 110).join(''),
    ...(input.description ? { description: input.description } : {}),
    ...(input.image ? { image: [absoluteUrl(siteUrl, input.image)] } : {}),
    ...(validDate(input.datePublished) ? { datePublished: validDate(input.datePublished) } : {}),
    ...(validDate(input.dateModified ?? input.datePublished) ? { dateModified: validDate(input.dateModified ?? input.datePublished) } : {}),
    author: input.authorName ? { '@type': 'Person', name: input.authorName } : { '@id': organizationId(siteUrl) },
    publisher: { '@id': organizationId(siteUrl) },
    inLanguage: input.inLanguage,
  }
}

function validDate(value: string | null | undefined): string | null {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** One step of a breadcrumb trail: its name and site-relative path. */
export interface Crumb {
  name: string
  path: string
}

/** A schema.org BreadcrumbList; null for fewer than two crumbs, which is no trail at all. */
export function breadcrumbJsonLd(siteUrl: string, crumbs: Crumb[]): JsonLdNode | null {
  if (crumbs.length < 2) return null
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(siteUrl, crumb.path),
    })),
  }
}

/**
 * Nodes as the text of a `<script type="application/ld+json">`. `<`, `>` and `&` are written as
 * \u escapes, so a title containing `</script>` or `<!--` cannot end the script element and
 * inject markup; U+2028 and U+2029 are escaped too, as older JavaScript parsers choke on them.
 * @example serializeJsonLd([{ name: '</script>' }]) // '{"@context":"https://schema.org","@graph":[{"name":"\\u003c/script\\u003e"}]}'
 */
export function serializeJsonLd(nodes: (JsonLdNode | null | undefined)[]): string {
  const graph = nodes.filter((node): node is JsonLdNode => Boolean(node))
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
