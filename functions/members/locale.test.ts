import { describe, expect, it } from 'vitest'

import { pickLocale } from './locale'

describe('pickLocale', () => {
  it.each<[unknown, string]>([
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    [' zh ', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [null, 'en'],
    [42, 'en'],
    [['zh-CN'], 'en'],
    ['__proto__', 'en'],
    ['zh'.padEnd(10_000, 'x'), 'en'],
  ])('reads %j as %s', (value, locale) => {
    expect(pickLocale(value)).toBe(locale)
  })

  it('falls back to the site default', () => {
    expect(pickLocale('de', 'zh-CN')).toBe('zh-CN')
  })
})
