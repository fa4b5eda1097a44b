import { describe, expect, it } from 'vitest'

import { buildFunnel, type FunnelQuery } from './funnel'
import { funnelCsv, funnelCsvFilename } from './funnel-csv'

const query: FunnelQuery = {
  range: { from: '2026-03-01', to: '2026-03-31' },
  group: 'campaign',
  model: 'last',
  sort: { by: 'visits', dir: 'desc' },
}

describe('funnelCsv', () => {
  it('writes a header, the rows in order, and the total, with shares rounded to 4 places', () => {
    const report = buildFunnel(
      {
        visits: [
          { key: 'spring, "launch"', count: 30 },
          { key: null, count: 60 },
        ],
        leads: [
          { key: 'spring, "launch"', count: 7 },
          { key: null, count: 2 },
        ],
        added: [{ key: 'spring, "launch"', count: 3 }],
        members: [{ key: 'spring, "launch"', count: 1 }],
        won: [{ key: 'spring, "launch"', count: 2 }],
      },
      query,
      { label: (key) => key ?? '(no campaign)' },
    )
    expect(funnelCsv(report)).toBe(
      '\uFEFFcampaign,name,visits,leads,added,members,won,visit_to_lead,lead_to_added,lead_to_member,lead_to_won\r\n' +
        ',(no campaign),60,2,0,0,0,0.0333,0,0,0\r\n' +
        '"spring, ""launch""","spring, ""launch""",30,7,3,1,2,0.2333,0.4286,0.1429,0.2857\r\n' +
        ',Total,90,9,3,1,2,0.1,0.3333,0.1111,0.2222\r\n',
    )
  })

  it('leaves undefined shares empty and adds clicks when grouping by link', () => {
    const report = buildFunnel(
      { visits: [], leads: [], members: [], won: [], clicks: [{ key: 'poster', count: 5 }] },
      { ...query, group: 'link' },
    )
    expect(funnelCsv(report)).toBe(
      '\uFEFFlink,name,clicks,visits,leads,added,members,won,visit_to_lead,lead_to_added,lead_to_member,lead_to_won\r\n' +
        'poster,poster,5,0,0,0,0,0,,,,\r\n' +
        ',Total,5,0,0,0,0,0,,,,\r\n',
    )
  })

  it('defuses a campaign name that a spreadsheet would run as a formula', () => {
    const report = buildFunnel({ visits: [{ key: '=HYPERLINK("http://evil.example")', count: 1 }], leads: [], members: [], won: [] }, query)
    expect(funnelCsv(report).split('\r\n')[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"")","'=HYPERLINK(""http://evil.example"")",1,0,0,0,0,0,,,`,
    )
  })
})

describe('funnelCsvFilename', () => {
  it('names the grouping, the model and the range', () => {
    expect(funnelCsvFilename(buildFunnel({ visits: [], leads: [], members: [], won: [] }, query))).toBe(
      'funnel-campaign-last-touch-2026-03-01-to-2026-03-31.csv',
    )
  })
})
