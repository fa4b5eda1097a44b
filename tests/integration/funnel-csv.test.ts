// GET /api/funnel.csv: the funnel table as CSV for CMS users, refused to anonymous requests and bad parameters.
import { describe, expect, it } from 'vitest'

import { config, handleEndpoints, tokens, useFunnel } from './funnel-harness'

useFunnel()

// Response.text() drops the byte-order mark the CSV starts with; read the bytes as they came.
const body = async (response: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
const get = (search: string, role?: string) =>
  handleEndpoints({
    config,
    request: new Request(`http://localhost/api/funnel.csv${search}`, { headers: role ? { authorization: `JWT ${tokens[role]}` } : {} }),
  })

describe('GET /api/funnel.csv', () => {
  it('answers a CMS user with the table as CSV', async () => {
    const response = await get('?from=2026-03-01&to=2026-03-31&group=channel&model=first', 'admin')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="funnel-channel-first-touch-2026-03-01-to-2026-03-31.csv"',
    )
    expect(await body(response)).toBe(
      '\uFEFFchannel,name,visits,leads,added,members,won,visit_to_lead,lead_to_added,lead_to_member,lead_to_won\r\n' +
        'wechat,WeChat,1,2,0,0,2,2,0,0,1\r\n' +
        'weibo,Weibo,1,1,0,0,0,1,0,0,0\r\n' +
        'xiaohongshu,Xiaohongshu,1,0,0,0,0,0,,,\r\n' +
        ',(no touch),0,1,0,0,0,,0,0,0\r\n' +
        ',Total,3,4,0,0,2,1.3333,0,0,0.5\r\n',
    )
  })

  it('exports campaign links with clicks, sorted as asked, for editors and sales too', async () => {
    for (const role of ['editor', 'sales']) {
      const response = await get('?from=2026-03-01&to=2026-03-31&group=link&model=first&sort=-clicks', role)
      expect(response.status).toBe(200)
      expect(await body(response)).toBe(
        '\uFEFFlink,name,clicks,visits,leads,added,members,won,visit_to_lead,lead_to_added,lead_to_member,lead_to_won\r\n' +
          'poster,poster · Spring poster,5,1,2,0,0,2,2,0,0,1\r\n' +
          'flyer,flyer,2,0,0,0,0,0,,,,\r\n' +
          ',(no campaign link),0,2,2,0,0,0,1,0,0,0\r\n' +
          ',Total,7,3,4,0,0,2,1.3333,0,0,0.5\r\n',
      )
    }
  })

  it('refuses anonymous requests with a 403', async () => {
    const response = await get('?from=2026-03-01&to=2026-03-31')
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ errors: [{ message: 'You are not allowed to perform this action.' }] })
  })

  it.each([
    ['?from=2026-03-32', { message: 'from must be a date written YYYY-MM-DD, e.g. 2026-03-01.', field: 'from' }],
    ['?from=2026-04-01&to=2026-03-01', { message: 'from must be on or before to.', field: 'from' }],
    ['?group=country', { message: 'group must be one of: channel, campaign, link.', field: 'group' }],
  ])('answers %s with a 400 naming the parameter', async (search, error) => {
    const response = await get(search, 'admin')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [error] })
  })
})
