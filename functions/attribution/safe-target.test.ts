import { describe, expect, it } from 'vitest'

import { safeRedirectTarget, withUtm } from './safe-target'

const SITE = 'https://brand.example'

describe('safeRedirectTarget', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'mailto:a@evil.example',
    'ftp://brand.example/file',
    '//evil.example',
    '//evil.example/path',
    ' //evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%2F%2Fevil.example',
    '/%2f%2fevil.example',
    '/%5Cevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/spring\u0000',
    '/spring\u0085',
    '/../etc/passwd',
    '../spring',
    '/a/../../spring',
    '/%2e%2e/spring',
    '/.%2E/spring',
    'https://brand.example@evil.example',
    'https://brand.example:pw@evil.example/',
    'https://user@brand.example/',
    'https://evil.example/',
    'http://brand.example/spring',
    'https://brand.example.evil.example/',
    'https:evil.example',
    '/%E0%A4%A',
    '',
    '   ',
    'http://',
    '::::',
    `/${'a'.repeat(5000)}`,
  ])('refuses %j', (target) => {
    expect(safeRedirectTarget(target, SITE, false)).toBeNull()
  })

  it.each([
    '//evil.example',
    '/\\evil.example',
    'https://brand.example@evil.example',
    'javascript:alert(1)',
    'data:text/html,x',
    'https://evil.example/\t',
  ])('refuses %j even when off-site targets are allowed', (target) => {
    expect(safeRedirectTarget(target, SITE, true)).toBeNull()
  })

  it.each([
    ['/spring', false, 'https://brand.example/spring'],
    ['/spring?x=1#form', false, 'https://brand.example/spring?x=1#form'],
    ['spring', false, 'https://brand.example/spring'],
    ['  /spring  ', false, 'https://brand.example/spring'],
    ['/', false, 'https://brand.example/'],
    ['/en/a/../spring', false, 'https://brand.example/en/spring'],
    ['/春季', false, 'https://brand.example/%E6%98%A5%E5%AD%A3'],
    ['/a:b?c=d:e', false, 'https://brand.example/a:b?c=d:e'],
    ['/search?next=%2F%2Fx', false, 'https://brand.example/search?next=%2F%2Fx'],
    ['https://brand.example/spring', false, 'https://brand.example/spring'],
    ['HTTPS://BRAND.EXAMPLE/Spring', false, 'https://brand.example/Spring'],
    ['https://partner.example/offer?id=1', true, 'https://partner.example/offer?id=1'],
    ['http://partner.example/', true, 'http://partner.example/'],
  ] as const)('sends %j (off-site allowed: %s) to %s', (target, allowOffsite, href) => {
    expect(safeRedirectTarget(target, SITE, allowOffsite)?.href).toBe(href)
  })

  it('resolves against the site origin, not a path in it', () => {
    expect(safeRedirectTarget('spring', 'https://brand.example/en/', false)?.href).toBe('https://brand.example/spring')
  })

  it.each(['', 'brand.example', 'javascript:alert(1)', '::::'])(
    'refuses everything when the site origin %j is unreadable',
    (siteOrigin) => {
      expect(safeRedirectTarget('/spring', siteOrigin, false)).toBeNull()
    },
  )
})

describe('withUtm', () => {
  it.each([
    [
      'https://brand.example/spring',
      { source: 'wechat', medium: 'qr', campaign: '春季发布' },
      'https://brand.example/spring?utm_source=wechat&utm_medium=qr&utm_campaign=%E6%98%A5%E5%AD%A3%E5%8F%91%E5%B8%83',
    ],
    ['https://brand.example/spring?utm_source=old&a=1', { source: 'wechat' }, 'https://brand.example/spring?a=1&utm_source=wechat'],
    ['https://brand.example/?UTM_SOURCE=old&utm_source=older&b=2', { source: 'wechat' }, 'https://brand.example/?b=2&utm_source=wechat'],
    [
      'https://brand.example/?utm_medium=email',
      { source: 'newsletter', medium: null },
      'https://brand.example/?utm_medium=email&utm_source=newsletter',
    ],
    [
      'https://brand.example/?q=a%20b&r=c+d',
      { campaign: 'spring launch' },
      'https://brand.example/?q=a%20b&r=c+d&utm_campaign=spring%20launch',
    ],
    ['https://brand.example/spring#form', { content: 'A1', term: 'tea' }, 'https://brand.example/spring?utm_content=A1&utm_term=tea#form'],
    ['https://brand.example/spring?x=1', {}, 'https://brand.example/spring?x=1'],
    ['https://brand.example/spring?x=1', { source: '  ' }, 'https://brand.example/spring?x=1'],
    ['https://brand.example/?%E0%A4%A=1', { source: 'wechat' }, 'https://brand.example/?%E0%A4%A=1&utm_source=wechat'],
    ['https://brand.example/?a=1&b=2', { source: 'a&b=c' }, 'https://brand.example/?a=1&b=2&utm_source=a%26b%3Dc'],
  ] as const)('%s with %j is %s', (href, utm, expected) => {
    expect(withUtm(new URL(href), utm).href).toBe(expected)
  })

  it('leaves the URL it was given alone', () => {
    const url = new URL('https://brand.example/spring')
    withUtm(url, { source: 'wechat' })
    expect(url.href).toBe('https://brand.example/spring')
  })
})
