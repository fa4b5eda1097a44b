import { describe, expect, it } from 'vitest'

import { ATOM_NS, rfc822, rssXml } from './rss'
import { childrenNamed, parseXml, type XmlElement } from './xml-tree.test-helper'

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

function text(element: XmlElement, local: string): string | undefined {
  return childrenNamed(element, local, '')[0]?.text
}

describe('rssXml', () => {
  const xml = rssXml({
    title: 'Cinnabar <Blog>',
    link: 'https://brand.example/en/blog',
    description: 'Notes & essays',
    language: 'zh-CN',
    selfUrl: 'https://brand.example/rss.xml',
    items: [
      {
        title: 'Launch & <b>more</b>',
        link: 'https://brand.example/blog/launch?a=1&b=2',
        description: 'We </description> launched',
        publishedAt: '2026-03-03T08:00:00Z',
        categories: ['Strategy & Co'],
      },
      { title: 'Undated', link: 'https://brand.example/blog/undated', description: null, publishedAt: 'not a date' },
    ],
  })

  it('parses as RSS 2.0 with the channel elements the spec requires', () => {
    const rss = parseXml(xml)
    expect([rss.local, rss.uri, rss.attributes.version?.value]).toEqual(['rss', '', '2.0'])
    const channels = childrenNamed(rss, 'channel', '')
    expect(channels).toHaveLength(1)
    const channel = channels[0]!
    expect(text(channel, 'title')).toBe('Cinnabar <Blog>')
    expect(text(channel, 'link')).toBe('https://brand.example/en/blog')
    expect(text(channel, 'description')).toBe('Notes & essays')
    expect(text(channel, 'language')).toBe('zh-cn')
    expect(text(channel, 'lastBuildDate')).toBe('Tue, 03 Mar 2026 08:00:00 GMT')
    const self = childrenNamed(channel, 'link', ATOM_NS)
    expect(self.map((l) => [l.attributes.href?.value, l.attributes.rel?.value, l.attributes.type?.value])).toEqual([
      ['https://brand.example/rss.xml', 'self', 'application/rss+xml'],
    ])
  })

  it('writes items with title, link, a permalink guid, an RFC 822 pubDate and an escaped description', () => {
    const items = childrenNamed(childrenNamed(parseXml(xml), 'channel', '')[0]!, 'item', '')
    expect(items).toHaveLength(2)
    const [first, second] = items as [XmlElement, XmlElement]
    expect(text(first, 'title')).toBe('Launch & <b>more</b>')
    expect(text(first, 'link')).toBe('https://brand.example/blog/launch?a=1&b=2')
    const guid = childrenNamed(first, 'guid', '')[0]!
    expect([guid.text, guid.attributes.isPermaLink?.value]).toEqual(['https://brand.example/blog/launch?a=1&b=2', 'true'])
    expect(text(first, 'pubDate')).toMatch(RFC822)
    expect(text(first, 'description')).toBe('We </description> launched')
    expect(text(first, 'category')).toBe('Strategy & Co')
    // Without a readable date or a description, those elements are left out rather than written wrong.
    expect(childrenNamed(second, 'pubDate', '')).toEqual([])
    expect(childrenNamed(second, 'description', '')).toEqual([])
  })

  it('formats dates as RFC 822', () => {
    expect(rfc822('2026-12-31T23:59:59+08:00')).toBe('Thu, 31 Dec 2026 15:59:59 GMT')
    expect(rfc822(null)).toBeNull()
    expect(rfc822('garbage')).toBeNull()
  })
})
