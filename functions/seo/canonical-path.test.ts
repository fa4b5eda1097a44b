import { describe, expect, it } from 'vitest'

import { canonicalPath, withQuery } from './canonical-path'

describe('canonicalPath', () => {
  it.each([
    ['/', null],
    ['/about', null],
    ['/about/', '/about'],
    ['/About', '/about'],
    ['/About/', '/about'],
    ['/en/', '/en'],
    ['/EN/Blog/Launch', '/en/blog/launch'],
    ['/blog///', '/blog'],
    ['///', '/'],
    // A protocol-relative Location would leave the site: repeated slashes always collapse.
    ['//evil.example/', '/evil.example'],
    ['//evil.example', '/evil.example'],
    ['/a//b', '/a/b'],
    // Percent-escapes stay as sent; only letters outside them fold.
    ['/%E5%93%81%E7%89%8C', null],
    ['/Blog/%E5%93%81', '/blog/%E5%93%81'],
    ['/media/Logo.PNG', null],
    ['/download/eyJtIjoiNCJ9.Ab_C-d', null],
    ['/l/eyJiIjoiMyJ9.Xy_Z-q', null],
    ['/media/Logo.PNG/', null],
    ['/go//evil.example', null],
    ['/go/Spring/', null],
    ['/_astro/Page.AbC123.css', null],
    ['/go/Spring', null],
    ['/r/AbC', null],
    ['/sitemap.xml', null],
    ['/Blog/%E0%A4%A', null],
  ])('%s → %s', (input, expected) => {
    expect(canonicalPath(input)).toBe(expected)
  })

  it('is idempotent', () => {
    for (const path of ['/About//Us/', '//x//', '/EN/', '/Media/X', '/MEDIA//x/']) {
      const once = canonicalPath(path) ?? path
      expect(canonicalPath(once)).toBeNull()
    }
  })
})

describe('withQuery', () => {
  it.each([
    ['/new', '', '/new'],
    ['/new', '?', '/new'],
    ['/new', '?utm_source=x', '/new?utm_source=x'],
    ['/new?a=1', '?b=2', '/new?a=1&b=2'],
    ['/new#top', '?b=2', '/new?b=2#top'],
    ['https://other.example/p?a=1#h', '?b=2', 'https://other.example/p?a=1&b=2#h'],
  ])('withQuery(%j, %j) is %j', (target, search, expected) => {
    expect(withQuery(target, search)).toBe(expected)
  })
})
