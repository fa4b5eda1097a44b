import { describe, expect, it } from 'vitest'

import { analyzeQuery } from './analyze'
import { highlightHtml, snippetHtml } from './snippet'

describe('highlightHtml', () => {
  const table: [string, string, string][] = [
    ['Marketing automation for brands', 'automated', 'Marketing <mark>automation</mark> for brands'],
    ['私域不是流量池，是品牌的家', '私域流量', '<mark>私域</mark>不是<mark>流量</mark>池，是品牌的家'],
    ['品牌的价值', '品牌价值', '<mark>品牌</mark>的<mark>价值</mark>'],
    ['用Marketing提升ROI', 'marketing roi', '用<mark>Marketing</mark>提升<mark>ROI</mark>'],
    // Text is escaped; only our own tags come out.
    ['<script>alert(1)</script> brand & co', 'brand', '&lt;script&gt;alert(1)&lt;/script&gt; <mark>brand</mark> &amp; co'],
    ['Brand <b>', '<b>', 'Brand &lt;<mark>b</mark>&gt;'],
    ['Happy customers', 'happiness', '<mark>Happy</mark> customers'],
  ]
  it.each(table)('%s / %s', (text, query, html) => {
    expect(highlightHtml(text, analyzeQuery(query))).toBe(html)
  })
})

describe('snippetHtml', () => {
  const long =
    `${'Filler words about nothing in particular. '.repeat(20)}Here the loyalty points program is explained. ` +
    `${'More filler text follows here. '.repeat(20)}`

  it('shows the part of the text where the query matches, with ellipses where it was cut', () => {
    const html = snippetHtml(long, analyzeQuery('loyalty points'), { length: 120 })
    expect(html.startsWith('…')).toBe(true)
    expect(html.endsWith('…')).toBe(true)
    expect(html).toContain('<mark>loyalty</mark> <mark>points</mark> program')
    expect(html.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(140)
  })

  it('shows half as many characters of Chinese text', () => {
    const text = `${'这是一段与主题无关的文字。'.repeat(20)}会员积分的核心是兑换价值。${'其他内容。'.repeat(20)}`
    const html = snippetHtml(text, analyzeQuery('会员积分'), { length: 100 })
    expect(html).toContain('<mark>会员积分</mark>的核心')
    expect(html.replace(/<\/?mark>|…/g, '').length).toBeLessThanOrEqual(55)
  })

  it('starts at the beginning when nothing in the text matches', () => {
    expect(snippetHtml('A short text.', analyzeQuery('absent'))).toBe('A short text.')
  })
})
