import { describe, expect, it } from 'vitest'

import { isSameOrigin, normalizeOrigin, type OriginHeaders, originHeaders } from './csrf'

const allowed = ['https://brand.example', 'http://localhost:4321/']

describe('isSameOrigin', () => {
  it.each<[string, OriginHeaders]>([
    ['the site itself', { origin: 'https://brand.example' }],
    ['the site with its default port', { origin: 'https://brand.example:443' }],
    ['an upper-case host', { origin: 'https://BRAND.example' }],
    ['the local run', { origin: 'http://localhost:4321' }],
    ['padded with spaces', { origin: ' https://brand.example ' }],
    ['a same-origin fetch', { origin: 'https://brand.example', 'sec-fetch-site': 'same-origin' }],
    ['Sec-Fetch-Site alone', { 'sec-fetch-site': 'same-origin' }],
    ['Sec-Fetch-Site in capitals', { 'sec-fetch-site': 'Same-Origin' }],
    ['a referer from the site', { referer: 'https://brand.example/account/profile?tab=1#x' }],
    ['a same-site fetch with the site as referer', { 'sec-fetch-site': 'same-site', referer: 'https://brand.example/account' }],
    ['an old form post with only a referer', { 'sec-fetch-site': 'none', referer: 'http://localhost:4321/account' }],
  ])('allows %s', (_, headers) => {
    expect(isSameOrigin(headers, allowed)).toBe(true)
  })

  it.each<[string, OriginHeaders]>([
    ['no headers at all', {}],
    ['all headers null', { origin: null, referer: null, 'sec-fetch-site': null, host: null }],
    ['an Origin of "null"', { origin: 'null' }],
    ['an Origin of "null" with a good referer', { origin: 'null', referer: 'https://brand.example/account' }],
    ['an empty Origin', { origin: '' }],
    ['another site', { origin: 'https://evil.example' }],
    ['http instead of https', { origin: 'http://brand.example' }],
    ['another port', { origin: 'https://brand.example:8443' }],
    ['https on the local port', { origin: 'https://localhost:4321' }],
    ['the local host on another port', { origin: 'http://localhost:4322' }],
    ['a look-alike suffix', { origin: 'https://brand.example.evil.com' }],
    ['a look-alike prefix', { origin: 'https://evilbrand.example' }],
    ['a subdomain', { origin: 'https://shop.brand.example' }],
    ['credentials in the origin', { origin: 'https://brand.example@evil.example' }],
    ['a Cyrillic look-alike', { origin: 'https://brаnd.example' }],
    ['a path in the Origin', { origin: 'https://brand.example/' }],
    ['a backslash trick', { origin: 'https://evil.example\\brand.example' }],
    ['a javascript: origin', { origin: 'javascript:alert(1)' }],
    ['a file: origin', { origin: 'file://' }],
    ['an Origin sent twice', { origin: ['https://brand.example', 'https://evil.example'] }],
    ['a 10 KB Origin', { origin: `https://brand.example${'a'.repeat(10_240)}` }],
    ['a cross-site fetch with a matching Origin', { origin: 'https://brand.example', 'sec-fetch-site': 'cross-site' }],
    ['a cross-site fetch with a matching referer', { 'sec-fetch-site': 'cross-site', referer: 'https://brand.example/' }],
    ['a same-site fetch from a subdomain', { 'sec-fetch-site': 'same-site', referer: 'https://shop.brand.example/' }],
    ['a referer from another site', { referer: 'https://evil.example/?next=https://brand.example' }],
    ['a look-alike referer', { referer: 'https://brand.example.evil.com/account' }],
    ['a referer with credentials', { referer: 'https://brand.example@evil.example/' }],
    ['a referer with user:pass on the site', { referer: 'https://user:pass@brand.example/' }],
    ['a referer that is not a URL', { referer: '/account' }],
    ['a javascript: referer', { referer: 'javascript:alert(1)' }],
    ['a referer sent twice', { referer: ['https://brand.example/', 'https://brand.example/'] }],
    ['a Host header alone', { host: 'brand.example' }],
    ['a forged Host matching a foreign Origin', { origin: 'https://evil.example', host: 'evil.example' }],
    ['a __proto__ origin', JSON.parse('{"__proto__": {"origin": "https://brand.example"}}')],
  ])('refuses %s', (_, headers) => {
    expect(isSameOrigin(headers, allowed)).toBe(false)
  })

  it('matches an internationalised domain in either spelling', () => {
    expect(isSameOrigin({ origin: 'https://xn--jvr800e.example' }, ['https://品牌.example'])).toBe(true)
  })

  it('ignores allowed origins it cannot read', () => {
    // Deliberately a number among the allowed origins (settings read unchecked).
    expect(isSameOrigin({ origin: 'https://brand.example' }, ['not a url', '', 'ftp://brand.example', 42 as unknown as string])).toBe(false)
    expect(isSameOrigin({ origin: 'null' }, ['null'])).toBe(false)
  })

  describe('without configured origins', () => {
    it.each<[OriginHeaders, boolean]>([
      [{ origin: 'http://localhost:4321', host: 'localhost:4321' }, true],
      [{ origin: 'https://brand.example', host: 'brand.example:443' }, true],
      [{ origin: 'http://[::1]:4321', host: '[::1]:4321' }, true],
      [{ referer: 'http://localhost:4321/account', host: 'LOCALHOST:4321' }, true],
      [{ origin: 'http://localhost:4321', host: 'localhost:4322' }, false],
      [{ origin: 'http://localhost:4321' }, false],
      [{ origin: 'http://localhost:4321', host: 'localhost:4321/evil' }, false],
      [{ origin: 'http://localhost:4321', host: 'evil@localhost:4321' }, false],
    ])('compares %j with Host: %s', (headers, expected) => {
      expect(isSameOrigin(headers, [])).toBe(expected)
    })

    it('never lets Host widen configured origins', () => {
      expect(isSameOrigin({ origin: 'https://evil.example', host: 'evil.example' }, ['https://brand.example'])).toBe(false)
    })
  })
})

describe('normalizeOrigin', () => {
  it.each<[string, string | null]>([
    ['HTTPS://Brand.Example:443/account?x=1', 'https://brand.example'],
    ['http://localhost:4321/', 'http://localhost:4321'],
    ['https://user@brand.example', null],
    ['ftp://brand.example', null],
    ['brand.example', null],
  ])('reads %s as %s', (value, expected) => {
    expect(normalizeOrigin(value)).toBe(expected)
  })
})

describe('originHeaders', () => {
  it('reads a web-standard Headers object', () => {
    const headers = new Headers({ origin: 'https://brand.example', 'sec-fetch-site': 'same-origin', host: 'brand.example' })
    expect(originHeaders(headers)).toEqual({
      origin: 'https://brand.example',
      referer: null,
      'sec-fetch-site': 'same-origin',
      host: 'brand.example',
    })
    expect(isSameOrigin(originHeaders(headers), allowed)).toBe(true)
  })
})
