import { describe, expect, it } from 'vitest'

import { buildIndex } from './build-index'
import { compactIndex } from './compact-index'
import { enDocs } from './fixtures/en'
import { zhDocs } from './fixtures/zh'
import { queryUnits, searchCompact } from './match-compact'

const zh = compactIndex(buildIndex(zhDocs, 'zh-CN'))
const en = compactIndex(buildIndex(enDocs, 'en'), (path) => `/en${path}`)

describe('compactIndex', () => {
  it('keeps the URL the site serves, the title, categories and the start of the text', () => {
    expect(en.docs[0]).toEqual([
      '/en/blog/owned-audience',
      'Private-domain traffic: building an audience you own',
      'Owned channels',
      expect.stringMatching(/^Rented reach disappears when the algorithm changes; an owned audience stays\. Chinese marketers/),
    ])
    expect(en.docs[0]![3].length).toBe(240)
    expect(JSON.stringify(en).length).toBeLessThan(20_000)
  })
})

describe('searchCompact (as you type)', () => {
  const table: [string, typeof zh, string, string][] = [
    ['a Chinese word typed without spaces', zh, '品牌价值', '/blog/brand-value'],
    ['half of a Chinese word', zh, '会员积', '/blog/member-points'],
    ['a split word', zh, '私域', '/blog/private-traffic'],
    ['half an English word', en, 'loyal', '/en/blog/loyalty-points'],
    ['a plural', en, 'referrals', '/en/blog/referral-program'],
    ['two words, the second half typed', en, 'membership ti', '/en/blog/membership-tiers'],
    ['mixed case', en, 'WECOM', '/en/blog/wecom-crm'],
    // The first document's title holds 品牌 too, further in; a title that starts with it wins.
    ['a title that starts with the query', zh, '品牌', '/blog/brand-value'],
  ]
  it.each(table)('%s', (_name, index, query, first) => {
    expect(searchCompact(index, query)[0]?.url).toBe(first)
  })

  it('needs every word typed', () => {
    expect(searchCompact(en, 'loyalty zebra')).toEqual([])
  })

  it('marks the matched parts of the title', () => {
    expect(searchCompact(en, 'loyalty poi')[0]).toEqual({
      url: '/en/blog/loyalty-points',
      title: 'Designing a loyalty points program that pays off',
      marks: [
        [12, 19],
        [20, 26],
      ],
    })
  })

  it.each(['', '   ', '*', 'the', '\u0000', 'title:'.slice(5)])('answers nothing for %j', (query) => {
    expect(searchCompact(en, query)).toEqual([])
  })

  it('reads at most the first 100 characters of a query', () => {
    expect(queryUnits('a '.repeat(5000) + 'brand')).toEqual([])
    expect(queryUnits('品牌价值').map((u) => u.grams)).toEqual([['品牌', '牌价', '价值']])
  })
})
