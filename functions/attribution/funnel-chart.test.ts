import { describe, expect, it } from 'vitest'

import { buildFunnel, type FunnelCounts, type FunnelQuery } from './funnel'
import { escapeXml, funnelChartSvg } from './funnel-chart'

const query: FunnelQuery = {
  range: { from: '2026-03-01', to: '2026-03-31' },
  group: 'campaign',
  model: 'first',
  sort: { by: 'visits', dir: 'desc' },
}
const none: FunnelCounts = { visits: [], leads: [], members: [], won: [] }

describe('escapeXml', () => {
  it('escapes every character that could end a text node or an attribute', () => {
    expect(escapeXml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;')
  })
})

describe('funnelChartSvg', () => {
  it('draws one bar per row and step, scaled per step, with the totals in the heads', () => {
    const svg = funnelChartSvg(
      buildFunnel(
        {
          visits: [
            { key: 'a', count: 100 },
            { key: 'b', count: 50 },
          ],
          leads: [
            { key: 'a', count: 4 },
            { key: 'b', count: 8 },
          ],
          members: [],
          won: [],
        },
        query,
      ),
    )
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 100"')).toBe(true)
    expect(svg.endsWith('</svg>')).toBe(true)
    expect(svg.match(/<rect /g)).toHaveLength(10)
    // Five panels 139.2 px wide, bars at most 91.2: the largest of each step fills it, the others in proportion.
    expect(svg).toContain('<rect x="200" y="48" width="91.2" height="16" rx="2" fill="#4c6ef5"/>')
    expect(svg).toContain('<rect x="200" y="72" width="45.6" height="16" rx="2" fill="#4c6ef5"/>')
    expect(svg).toContain('<rect x="355.2" y="48" width="45.6" height="16" rx="2" fill="#2b8a3e"/>')
    expect(svg).toContain('<rect x="355.2" y="72" width="91.2" height="16" rx="2" fill="#2b8a3e"/>')
    // Nobody added on WeChat and no members: no bars, and no division by zero.
    expect(svg).toContain('<rect x="510.4" y="48" width="0.0" height="16" rx="2" fill="#07c160"/>')
    expect(svg).toContain('<rect x="665.6" y="48" width="0.0" height="16" rx="2" fill="#e67700"/>')
    expect(svg).not.toMatch(/NaN|Infinity/)
    expect(svg).toContain('<text x="200" y="32" opacity="0.7">150</text>')
  })

  it('escapes labels, so a campaign name cannot inject markup', () => {
    const svg = funnelChartSvg(buildFunnel({ ...none, visits: [{ key: '</text><script>alert(1)</script>', count: 1 }] }, query))
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('shortens long labels and keeps the whole one as a tooltip', () => {
    const label = '春季新品发布会-小红书-达人合作-第二波投放-限时优惠活动'
    const svg = funnelChartSvg(buildFunnel({ ...none, visits: [{ key: label, count: 1 }] }, query))
    expect(svg).toContain(`<title>${label}</title>${[...label].slice(0, 25).join('')}…</text>`)
  })

  it('shows the first rows and says how many more the table has', () => {
    const visits = Array.from({ length: 15 }, (_, i) => ({ key: `c${String(i).padStart(2, '0')}`, count: 100 - i }))
    const svg = funnelChartSvg(buildFunnel({ ...none, visits }, query), { maxRows: 10 })
    expect(svg.match(/<rect /g)).toHaveLength(50)
    expect(svg).toContain('c09')
    expect(svg).not.toContain('c10')
    expect(svg).toContain('>5 more in the table below</text>')
  })

  it('says so when there is nothing to draw', () => {
    expect(funnelChartSvg(buildFunnel(none, query))).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 76" width="100%" role="img" aria-labelledby="funnel-chart-title" ' +
        'font-family="system-ui, sans-serif" font-size="12" fill="currentColor"><title id="funnel-chart-title">Funnel</title>' +
        '<text x="0" y="44">Nothing in this range yet.</text></svg>',
    )
  })
})
