import { describe, expect, it } from 'vitest'

import { serializeJsonLd } from './json-ld'
import { pageHead, type PageMetaInput } from './page-meta'

const site = {
  siteUrl: 'https://brand.example',
  brandName: 'Cinnabar',
  tagline: 'Bring customers home',
  logo: '/media/logo.png',
  socialAccounts: [
    { channel: 'weibo', handle: '@cinnabar', url: 'https://weibo.com/cinnabar' },
    { channel: 'wechat', handle: '朱砂' },
    { channel: 'x', handle: 'cinnabar_hq', url: 'javascript:alert(1)' },
  ],
}

const generatedImage = { url: '/share-image/blog/launch.png?v=abc', width: 1200, height: 630, type: 'image/png' }

function input(overrides: Partial<PageMetaInput> = {}): PageMetaInput {
  return {
    site,
    kind: 'page',
    locale: 'en',
    defaultLocale: 'zh-CN',
    path: '/en/about',
    alternates: [
      { locale: 'zh-CN', path: '/about' },
      { locale: 'en', path: '/en/about' },
    ],
    title: 'About us',
    generatedImage,
    ...overrides,
  }
}

function jsonLd(head: ReturnType<typeof pageHead>) {
  return JSON.parse(head.jsonLd) as { '@context': string; '@graph': Record<string, unknown>[] }
}

describe('pageHead: title and description fallbacks', () => {
  it.each<[string, Partial<PageMetaInput>, string, string]>([
    [
      'SEO fields win',
      { seo: { title: 'Custom title', description: 'Custom description' }, excerpt: 'Excerpt' },
      'Custom title',
      'Custom description',
    ],
    [
      'then the title with the brand, and the excerpt',
      { seo: { title: '  ', description: '' }, excerpt: 'The excerpt\nof a post' },
      'About us | Cinnabar',
      'The excerpt of a post',
    ],
    ['then the tagline', { seo: null }, 'About us | Cinnabar', 'Bring customers home'],
    ['a home page is the brand and tagline', { kind: 'home', title: 'Home' }, 'Cinnabar | Bring customers home', 'Bring customers home'],
    ['no title at all is the brand', { title: null }, 'Cinnabar', 'Bring customers home'],
  ])('%s', (_, overrides, title, description) => {
    const head = pageHead(input(overrides))
    expect(head.title).toBe(title)
    expect(head.description).toBe(description)
  })

  it('falls back to the brand name when there is no tagline, and cuts long descriptions to 160 characters', () => {
    const noTagline = pageHead(input({ site: { ...site, tagline: null } }))
    expect(noTagline.description).toBe('Cinnabar')
    const long = pageHead(input({ excerpt: 'word '.repeat(100) }))
    expect([...long.description].length).toBeLessThanOrEqual(160)
    expect(long.description.endsWith('…')).toBe(true)
  })
})

describe('pageHead: URLs', () => {
  it('gives an absolute canonical, hreflang alternates with x-default, and an absolute image', () => {
    const head = pageHead(input())
    expect(head.canonical).toBe('https://brand.example/en/about')
    expect(head.alternates).toEqual([
      { hreflang: 'zh-CN', href: 'https://brand.example/about' },
      { hreflang: 'en', href: 'https://brand.example/en/about' },
      { hreflang: 'x-default', href: 'https://brand.example/about' },
    ])
    expect(head.image).toBe('https://brand.example/share-image/blog/launch.png?v=abc')
    expect(head.robots).toBeNull()
    expect(head.feed).toBeNull()
    expect(pageHead(input({ feed: { path: '/en/rss.xml', title: 'Cinnabar' } })).feed).toEqual({
      href: 'https://brand.example/en/rss.xml',
      title: 'Cinnabar',
    })
  })

  it('lists no alternates for content in one locale only, and none on a 404, which is noindex', () => {
    expect(pageHead(input({ alternates: [{ locale: 'en', path: '/en/about' }] })).alternates).toEqual([
      { hreflang: 'en', href: 'https://brand.example/en/about' },
    ])
    const notFound = pageHead(input({ kind: 'notFound', noindex: true }))
    expect(notFound.alternates).toEqual([])
    expect(notFound.robots).toBe('noindex, follow')
  })

  it('uses the chosen image over the generated one, keeping an absolute URL as it is', () => {
    const head = pageHead(
      input({ image: { url: 'https://cdn.example/cover.jpg', width: 1200, height: 630, alt: 'A cover', type: 'image/jpeg' } }),
    )
    expect(head.image).toBe('https://cdn.example/cover.jpg')
    expect(head.openGraph).toContainEqual(['og:image:type', 'image/jpeg'])
    expect(head.openGraph).toContainEqual(['og:image:alt', 'A cover'])
  })
})

describe('pageHead: share tags', () => {
  it('writes Open Graph, Twitter and the itemprop tags WeChat reads, all from the same values', () => {
    const head = pageHead(input({ site: { ...site, siteUrl: 'http://localhost:4321' } }))
    expect(head.openGraph).toEqual([
      ['og:type', 'website'],
      ['og:site_name', 'Cinnabar'],
      ['og:title', 'About us | Cinnabar'],
      ['og:description', 'Bring customers home'],
      ['og:url', 'http://localhost:4321/en/about'],
      ['og:locale', 'en_US'],
      ['og:locale:alternate', 'zh_CN'],
      ['og:image', 'http://localhost:4321/share-image/blog/launch.png?v=abc'],
      ['og:image:type', 'image/png'],
      ['og:image:width', '1200'],
      ['og:image:height', '630'],
      ['og:image:alt', 'About us'],
    ])
    expect(head.twitter).toEqual([
      ['twitter:card', 'summary_large_image'],
      ['twitter:site', '@cinnabar_hq'],
      ['twitter:title', 'About us | Cinnabar'],
      ['twitter:description', 'Bring customers home'],
      ['twitter:image', 'http://localhost:4321/share-image/blog/launch.png?v=abc'],
      ['twitter:image:alt', 'About us'],
    ])
    expect(head.itemprop).toEqual([
      ['name', 'About us | Cinnabar'],
      ['description', 'Bring customers home'],
      ['image', 'http://localhost:4321/share-image/blog/launch.png?v=abc'],
    ])
  })

  it('adds secure_url on https and article times for posts', () => {
    const head = pageHead(
      input({
        kind: 'post',
        article: { publishedAt: '2026-03-03T08:00:00.000Z', modifiedAt: '2026-03-04T08:00:00.000Z', authorName: 'Lin', tags: ['Strategy'] },
      }),
    )
    expect(head.openGraph[0]).toEqual(['og:type', 'article'])
    expect(head.openGraph).toContainEqual(['og:image:secure_url', 'https://brand.example/share-image/blog/launch.png?v=abc'])
    expect(head.openGraph.slice(-3)).toEqual([
      ['article:published_time', '2026-03-03T08:00:00.000Z'],
      ['article:modified_time', '2026-03-04T08:00:00.000Z'],
      ['article:tag', 'Strategy'],
    ])
  })
})

describe('pageHead: JSON-LD', () => {
  it('describes the organisation with its logo and http(s) social profiles only', () => {
    const graph = jsonLd(pageHead(input({ kind: 'home', path: '/en', breadcrumbs: [{ name: 'Home', path: '/en' }] })))
    expect(graph['@context']).toBe('https://schema.org')
    expect(graph['@graph']).toEqual([
      {
        '@type': 'Organization',
        '@id': 'https://brand.example/#organization',
        name: 'Cinnabar',
        url: 'https://brand.example/',
        logo: 'https://brand.example/media/logo.png',
        sameAs: ['https://weibo.com/cinnabar'],
      },
    ])
  })

  it('describes a post as an Article with a breadcrumb trail', () => {
    const head = pageHead(
      input({
        kind: 'post',
        path: '/en/blog/launch',
        title: 'Launch',
        excerpt: 'We launched.',
        article: { publishedAt: '2026-03-03T08:00:00Z', modifiedAt: null, authorName: 'Lin' },
        breadcrumbs: [
          { name: 'Home', path: '/en' },
          { name: 'Blog', path: '/en/blog' },
          { name: 'Launch', path: '/en/blog/launch' },
        ],
      }),
    )
    const [, article, breadcrumbs] = jsonLd(head)['@graph']
    expect(article).toEqual({
      '@type': 'Article',
      '@id': 'https://brand.example/en/blog/launch#article',
      mainEntityOfPage: 'https://brand.example/en/blog/launch',
      headline: 'Launch',
      description: 'We launched.',
      image: ['https://brand.example/share-image/blog/launch.png?v=abc'],
      datePublished: '2026-03-03T08:00:00.000Z',
      dateModified: '2026-03-03T08:00:00.000Z',
      author: { '@type': 'Person', name: 'Lin' },
      publisher: { '@id': 'https://brand.example/#organization' },
      inLanguage: 'en',
    })
    expect(breadcrumbs).toEqual({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://brand.example/en' },
        { '@type': 'ListItem', position: 2, name: 'Blog', item: 'https://brand.example/en/blog' },
        { '@type': 'ListItem', position: 3, name: 'Launch', item: 'https://brand.example/en/blog/launch' },
      ],
    })
  })

  it('cannot be broken out of: </script> and <!-- in a title stay inside the JSON', () => {
    const hostile = '</script><script>alert(1)</script><!-- & more'
    const head = pageHead(
      input({
        kind: 'post',
        title: hostile,
        article: { publishedAt: 'not a date' },
        breadcrumbs: [
          { name: 'Home', path: '/en' },
          { name: hostile, path: '/en/blog/x' },
        ],
      }),
    )
    expect(head.jsonLd).not.toMatch(/[<>&]/)
    expect(head.jsonLd).toContain('\\u003c/script\\u003e')
    const [, article] = jsonLd(head)['@graph']
    expect(article?.headline).toBe(hostile)
    expect(article).not.toHaveProperty('datePublished')
    expect(serializeJsonLd([{ name: 'a\u2028b\u2029c' }])).toBe('{"@context":"https://schema.org","@graph":[{"name":"a\\u2028b\\u2029c"}]}')
  })
})
