import { describe, expect, it } from 'vitest'

import { firstParams, isHostOf, normalHost, parseWebUrl } from './parse-url'

describe('parseWebUrl', () => {
  it.each([
    ['https://brand.example/a?b=1', 'https://brand.example/a?b=1'],
    ['HTTP://BRAND.EXAMPLE', 'http://brand.example/'],
    ['::::', null],
    ['http://', null],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['file:///etc/passwd', null],
    ['%E0%A4%A', null],
    ['/relative', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j is %j', (value, href) => {
    expect(parseWebUrl(value)?.href ?? null).toBe(href)
  })

  it('reads a URL with a 10 KB query string whole', () => {
    const url = parseWebUrl(`https://brand.example/?${'a=1&'.repeat(2560)}z=2`)
    expect(url?.searchParams.get('z')).toBe('2')
  })
})

describe('firstParams', () => {
  it('keeps the first of a repeated name, names lowercased', () => {
    const params = firstParams(new URL('https://b.example/?UTM_Source=a&utm_source=b&x=1&x=2'))
    expect([...params]).toEqual([
      ['utm_source', 'a'],
      ['x', '1'],
    ])
  })

  it('holds __proto__ and constructor as plain data', () => {
    const params = firstParams(new URL('https://b.example/?__proto__=1&constructor=2&toString=3'))
    expect([params.get('__proto__'), params.get('constructor'), params.get('tostring'), params.get('hasownproperty')]).toEqual([
      '1',
      '2',
      '3',
      undefined,
    ])
    expect(({} as Record<string, unknown>)['1']).toBeUndefined()
  })

  it('is empty without a URL', () => {
    expect(firstParams(null).size).toBe(0)
  })
})

describe('normalHost', () => {
  it.each([
    ['WWW.Weibo.com.', 'weibo.com'],
    ['brand.example:4321', 'brand.example'],
    ['https://www.brand.example/path', 'brand.example'],
    ['m.baidu.com', 'm.baidu.com'],
    ['  ', ''],
  ])('%j is %j', (host, expected) => {
    expect(normalHost(host)).toBe(expected)
  })
})

describe('isHostOf', () => {
  it.each([
    ['weibo.com', 'weibo.com', true],
    ['m.weibo.cn', 'weibo.cn', true],
    ['evilweibo.com', 'weibo.com', false],
    ['weibo.com.evil.example', 'weibo.com', false],
    ['t.co', 't.co', true],
    ['xt.co', 't.co', false],
  ])('%s of %s is %s', (host, domain, expected) => {
    expect(isHostOf(host, domain)).toBe(expected)
  })
})
