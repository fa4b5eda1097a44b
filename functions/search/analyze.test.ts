import { describe, expect, it } from 'vitest'

import { analyzeQuery, analyzeText, hanTerms, pieces } from './analyze'

describe('analyzeText', () => {
  const table: [string, string[]][] = [
    // Bigrams cover what the segmenter splits into single characters (私 | 域, 营 | 销).
    ['私域流量', ['私域', '域流', '流量']],
    ['营销自动化', ['营销', '销自', '自动', '动化']],
    ['品牌价值', ['品牌', '牌价', '价值']],
    // English: stop words dropped, lunr's stemmer applied.
    ['The marketing of brands', ['market', 'brand']],
    ['Automated campaigns', ['autom', 'campaign']],
    // Mixed text keeps both.
    ['用Marketing Automation提升ROI', ['用', 'market', 'autom', '提升', 'roi']],
    ['企业微信SCRM', ['企业', '业微', '微信', 'scrm']],
    // Full-width letters and digits are read as their plain forms.
    ['ＲＯＩ 2024年', ['roi', '2024', '年']],
    // Query syntax characters are not terms.
    ['title:brand *~ +-foo^2', ['titl', 'brand', 'foo', '2']],
    ["The brand's customers don't wait", ['brand', 'custom', 'dont', 'wait']],
    ['', []],
  ]
  it.each(table)('%j', (text, terms) => {
    expect(analyzeText(text)).toEqual(terms)
  })

  it('adds the segmenter’s words of three or more characters to the bigrams', () => {
    expect(hanTerms('数据库', ['数据库'])).toEqual(['数据', '据库', '数据库'])
  })

  it('keeps offsets into the source text, control characters included', () => {
    expect(pieces('a\u0000私域 Brand').map((p) => [p.text, p.start, p.han])).toEqual([
      ['a', 0, false],
      ['私域', 2, true],
      ['Brand', 5, false],
    ])
  })
})

describe('analyzeQuery', () => {
  it('reads a Chinese query typed without spaces as bigrams', () => {
    expect(analyzeQuery('品牌价值')).toEqual({
      terms: ['品牌', '牌价', '价值'],
      wordTerms: [],
      hanFragments: ['品牌', '牌价', '价值'],
      hanPrefixes: [],
    })
  })

  it('looks a lone Han character up as a prefix', () => {
    expect(analyzeQuery('茶').hanPrefixes).toEqual(['茶'])
  })

  it('dedupes and bounds the terms of a long query', () => {
    expect(analyzeQuery('brand brands branding').terms).toEqual(['brand'])
    const long = analyzeQuery(Array.from({ length: 500 }, (_, i) => `word${i}`).join(' '))
    expect(long.terms.length).toBe(30)
  })

  it.each([null, undefined, 42, {}, ['品牌']])('reads %j as an empty query', (value) => {
    expect(analyzeQuery(value).terms).toEqual([])
  })
})
