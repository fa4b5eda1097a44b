import { describe, expect, it } from 'vitest'

import { hrefOf, mediaUrl } from './links'

describe('hrefOf', () => {
  it.each([
    [{ type: 'page' as const, page: { path: 'about' } }, 'zh-CN', '/about'],
    [{ type: 'page' as const, page: { path: 'home' } }, 'zh-CN', '/'],
    [{ type: 'page' as const, page: { path: 'about' } }, 'en', '/en/about'],
    [{ type: 'page' as const, page: { path: 'home' } }, 'en', '/en'],
    [{ type: 'page' as const, page: 12 }, 'zh-CN', null],
    [{ type: 'page' as const, page: null }, 'zh-CN', null],
    [{ type: 'url' as const, url: '/blog' }, 'en', '/en/blog'],
    [{ type: 'url' as const, url: 'https://example.com/x' }, 'en', 'https://example.com/x'],
    [{ type: 'url' as const, url: 'mailto:hi@example.com' }, 'zh-CN', 'mailto:hi@example.com'],
    [{ type: 'url' as const, url: 'javascript:alert(1)' }, 'zh-CN', null],
    [{ type: 'url' as const, url: '  ' }, 'zh-CN', null],
    [null, 'zh-CN', null],
  ])('%j in %s is %s', (link, locale, expected) => {
    expect(hrefOf(link, locale, 'zh-CN')).toBe(expected)
  })
})

describe('mediaUrl', () => {
  it('serves files from the site under /media, escaped', () => {
    expect(mediaUrl('hero-960.webp')).toBe('/media/hero-960.webp')
    expect(mediaUrl('a b?.png')).toBe('/media/a%20b%3F.png')
    expect(mediaUrl(null)).toBeNull()
  })
})
