import { describe, expect, it } from 'vitest'

import { contentUrls, type SiteContent, sitemapUrls } from './site-urls'
import { SITEMAP_NS, sitemapIndexXml, sitemapXml, XHTML_NS } from './sitemap'
import { childrenNamed, parseXml, type XmlElement } from './xml-tree.test-helper'

const SITE = 'https://brand.example'
const localize = (path: string, locale: string) => (locale === 'zh-CN' ? path : path === '/' ? '/en' : `/en${path}`)

const content: SiteContent = {
  pages: [
    { path: 'home', title: { 'zh-CN': '首页', en: 'Home' }, _status: 'published', updatedAt: '2026-03-01T00:00:00.000Z' },
    { path: 'about', title: { 'zh-CN': '关于', en: 'About' }, _status: 'published', updatedAt: '2026-03-02T00:00:00.000Z' },
    { path: 'zh-only', title: { 'zh-CN': '只有中文' }, _status: 'published', updatedAt: '2026-03-02T00:00:00.000Z' },
    { path: 'draft-page', title: { 'zh-CN': '草稿', en: 'Draft' }, _status: 'draft', updatedAt: '2026-03-02T00:00:00.000Z' },
    {
      path: 'members/club',
      title: { 'zh-CN': '会员', en: 'Members' },
      _status: 'published',
      visibility: 'members',
      updatedAt: '2026-03-02T00:00:00.000Z',
    },
    { path: 'q&a', title: { 'zh-CN': '问答', en: 'Q&A' }, _status: 'published', updatedAt: null },
  ],
  categories: [
    { id: 7, slug: 'strategy', title: { 'zh-CN': '战略', en: 'Strategy' }, updatedAt: '2026-01-01T00:00:00.000Z' },
    { id: 8, slug: 'empty-en', title: { 'zh-CN': '空' }, updatedAt: '2026-01-01T00:00:00.000Z' },
  ],
  posts: [
    {
      slug: 'launch',
      title: { 'zh-CN': '发布', en: 'Launch' },
      _status: 'published',
      updatedAt: '2026-03-05T00:00:00.000Z',
      publishedAt: '2026-03-03T00:00:00.000Z',
      categories: [7],
    },
    {
      slug: 'en-only',
      title: { en: 'English only', 'zh-CN': '   ' },
      _status: 'published',
      updatedAt: '2026-03-04T00:00:00.000Z',
      categories: [{ id: 7 }],
    },
    {
      slug: 'secret',
      title: { 'zh-CN': '秘密', en: 'Secret' },
      _status: 'published',
      visibility: 'members',
      updatedAt: '2026-04-01T00:00:00.000Z',
      categories: [7],
    },
    { slug: 'unpublished', title: { 'zh-CN': '未发布' }, _status: 'draft', updatedAt: '2026-04-01T00:00:00.000Z' },
  ],
}

function locsOf(urlset: XmlElement): string[] {
  return childrenNamed(urlset, 'url', SITEMAP_NS).map((url) => childrenNamed(url, 'loc', SITEMAP_NS)[0]!.text)
}

describe('contentUrls', () => {
  it('lists public pages, the blog, categories and posts in the locales they have a title in', () => {
    const urls = contentUrls(content, ['zh-CN', 'en'], localize)
    expect(urls.map((u) => [u.basePath, u.locales.map((l) => l.path), u.lastmod])).toEqual([
      ['/', ['/', '/en'], '2026-03-01T00:00:00.000Z'],
      ['/about', ['/about', '/en/about'], '2026-03-02T00:00:00.000Z'],
      ['/zh-only', ['/zh-only'], '2026-03-02T00:00:00.000Z'],
      ['/q&a', ['/q&a', '/en/q&a'], null],
      // The blog and a category change when a public post in them does; members-only posts do not count.
      ['/blog', ['/blog', '/en/blog'], '2026-03-05T00:00:00.000Z'],
      ['/blog/category/strategy', ['/blog/category/strategy', '/en/blog/category/strategy'], '2026-03-05T00:00:00.000Z'],
      ['/blog/category/empty-en', ['/blog/category/empty-en'], '2026-01-01T00:00:00.000Z'],
      ['/blog/launch', ['/blog/launch', '/en/blog/launch'], '2026-03-05T00:00:00.000Z'],
      ['/blog/en-only', ['/en/blog/en-only'], '2026-03-04T00:00:00.000Z'],
    ])
  })
})

describe('sitemapXml', () => {
  const urls = contentUrls(content, ['zh-CN', 'en'], localize)

  it('parses as a sitemaps.org urlset with absolute locs, lastmod and xhtml alternates', () => {
    const root = parseXml(sitemapXml(sitemapUrls(urls, 'en', 'zh-CN', SITE)))
    expect(root.uri).toBe(SITEMAP_NS)
    expect(root.local).toBe('urlset')
    const locs = locsOf(root)
    expect(locs).toEqual([
      'https://brand.example/en',
      'https://brand.example/en/about',
      'https://brand.example/en/q&a',
      'https://brand.example/en/blog',
      'https://brand.example/en/blog/category/strategy',
      'https://brand.example/en/blog/launch',
      'https://brand.example/en/blog/en-only',
    ])
    for (const loc of locs) expect(new URL(loc).origin).toBe(SITE)

    const about = childrenNamed(root, 'url', SITEMAP_NS)[1]!
    expect(childrenNamed(about, 'lastmod', SITEMAP_NS)[0]!.text).toBe('2026-03-02T00:00:00.000Z')
    const links = childrenNamed(about, 'link', XHTML_NS).map((l) => [
      l.name,
      l.attributes.rel?.value,
      l.attributes.hreflang?.value,
      l.attributes.href?.value,
    ])
    expect(links).toEqual([
      ['xhtml:link', 'alternate', 'zh-CN', 'https://brand.example/about'],
      ['xhtml:link', 'alternate', 'en', 'https://brand.example/en/about'],
      ['xhtml:link', 'alternate', 'x-default', 'https://brand.example/about'],
    ])
    // A URL in one locale only has no alternates, and a missing date no lastmod.
    const enOnly = childrenNamed(root, 'url', SITEMAP_NS)[6]!
    expect(childrenNamed(enOnly, 'link', XHTML_NS)).toEqual([])
    const qa = childrenNamed(root, 'url', SITEMAP_NS)[2]!
    expect(childrenNamed(qa, 'lastmod', SITEMAP_NS)).toEqual([])
  })

  it('never lists drafts or members-only content in any locale', () => {
    for (const locale of ['zh-CN', 'en']) {
      const xml = sitemapXml(sitemapUrls(urls, locale, 'zh-CN', SITE))
      expect(xml).not.toMatch(/draft-page|members|secret|unpublished/)
    }
    expect(locsOf(parseXml(sitemapXml(sitemapUrls(urls, 'zh-CN', 'zh-CN', SITE))))).toContain('https://brand.example/zh-only')
  })

  it('escapes & in URLs so the file stays well-formed', () => {
    const xml = sitemapXml(sitemapUrls(urls, 'en', 'zh-CN', SITE))
    expect(xml).toContain('<loc>https://brand.example/en/q&amp;a</loc>')
  })

  it('refuses relative URLs rather than writing an invalid sitemap', () => {
    expect(() => sitemapXml([{ loc: '/about' }])).toThrow(
      'A sitemap needs absolute http(s) URLs; got a relative or malformed one (6 characters). Pass SITE_URL-based URLs.',
    )
    expect(() => sitemapXml([{ loc: 'https://brand.example/a', alternates: [{ hreflang: 'en', href: 'javascript:x' }] }])).toThrow(
      TypeError,
    )
  })
})

describe('sitemapIndexXml', () => {
  it("points to each locale's sitemap with absolute locs and lastmod", () => {
    const root = parseXml(
      sitemapIndexXml([
        { loc: 'https://brand.example/sitemap-zh-cn.xml', lastmod: '2026-03-05T00:00:00Z' },
        { loc: 'https://brand.example/sitemap-en.xml', lastmod: null },
      ]),
    )
    expect([root.uri, root.local]).toEqual([SITEMAP_NS, 'sitemapindex'])
    const sitemaps = childrenNamed(root, 'sitemap', SITEMAP_NS)
    expect(sitemaps.map((s) => childrenNamed(s, 'loc', SITEMAP_NS)[0]!.text)).toEqual([
      'https://brand.example/sitemap-zh-cn.xml',
      'https://brand.example/sitemap-en.xml',
    ])
    expect(childrenNamed(sitemaps[0]!, 'lastmod', SITEMAP_NS)[0]!.text).toBe('2026-03-05T00:00:00.000Z')
    expect(childrenNamed(sitemaps[1]!, 'lastmod', SITEMAP_NS)).toEqual([])
  })
})
