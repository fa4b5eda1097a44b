import { describe, expect, it } from 'vitest'

import { FunnelQueryError, funnelSearch, parseFunnelQuery, rangeBounds } from './funnel-query'

const NOW = new Date('2026-03-31T22:15:00.000Z')
const parse = (search: string) => parseFunnelQuery(new URLSearchParams(search), NOW)

describe('parseFunnelQuery', () => {
  it('defaults to the last 30 UTC days by channel, first touch, most visits first', () => {
    expect(parse('')).toEqual({
      range: { from: '2026-03-02', to: '2026-03-31' },
      group: 'channel',
      model: 'first',
      sort: { by: 'visits', dir: 'desc' },
    })
  })

  it('reads every parameter', () => {
    expect(parse('from=2026-01-01&to=2026-03-31&group=link&model=last&sort=leadToWon')).toEqual({
      range: { from: '2026-01-01', to: '2026-03-31' },
      group: 'link',
      model: 'last',
      sort: { by: 'leadToWon', dir: 'asc' },
    })
  })

  it('takes 30 days before a given end, and a single day', () => {
    expect(parse('to=2026-02-10').range).toEqual({ from: '2026-01-12', to: '2026-02-10' })
    expect(parse('from=2026-02-10&to=2026-02-10').range).toEqual({ from: '2026-02-10', to: '2026-02-10' })
  })

  it('reads Next.js searchParams objects, treating empty values as absent', () => {
    expect(parseFunnelQuery({ from: '2026-03-01', to: '', group: 'campaign', model: undefined }, NOW)).toMatchObject({
      range: { from: '2026-03-01', to: '2026-03-31' },
      group: 'campaign',
      model: 'first',
    })
  })

  it.each([
    ['from=2026-3-1', 'from', 'from must be a date written YYYY-MM-DD, e.g. 2026-03-01.'],
    ['from=2026-02-30', 'from', 'from must be a date written YYYY-MM-DD, e.g. 2026-03-01.'],
    ['to=yesterday', 'to', 'to must be a date written YYYY-MM-DD, e.g. 2026-03-01.'],
    ['to=2026-03-31T00:00:00Z', 'to', 'to must be a date written YYYY-MM-DD, e.g. 2026-03-01.'],
    ['from=1999-12-31&to=2026-01-01', 'from', 'from must be a date between the years 2000 and 2999.'],
    ['from=2026-03-02&to=2026-03-01', 'from', 'from must be on or before to.'],
    ['group=country', 'group', 'group must be one of: channel, campaign, link.'],
    ['model=linear', 'model', 'model must be one of: first, last.'],
    ['model=first&model=last', 'model', 'model must be given once.'],
    [
      'sort=-revenue',
      'sort',
      'sort must be one of: name, clicks, visits, leads, added, members, won, visitToLead, leadToAdded, leadToMember, leadToWon, ' +
        'with a leading - for largest first.',
    ],
    [
      'sort=__proto__',
      'sort',
      'sort must be one of: name, clicks, visits, leads, added, members, won, visitToLead, leadToAdded, leadToMember, leadToWon, ' +
        'with a leading - for largest first.',
    ],
    [`from=${'9'.repeat(10_000)}`, 'from', 'from must be a date written YYYY-MM-DD, e.g. 2026-03-01.'],
  ])('refuses %s', (search, field, message) => {
    let error: unknown
    try {
      parse(search)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(FunnelQueryError)
    expect(error).toMatchObject({ status: 400, field, message })
  })

  it('refuses a parameter that is not text (a nested query object)', () => {
    expect(() => parseFunnelQuery({ group: { $ne: 'x' } }, NOW)).toThrow('group must be text.')
  })
})

describe('funnelSearch', () => {
  it('writes the query back as parameters, with changes', () => {
    const query = parse('from=2026-03-01&to=2026-03-31')
    expect(funnelSearch(query)).toBe('from=2026-03-01&to=2026-03-31&group=channel&model=first&sort=-visits')
    expect(funnelSearch(query, { group: 'link', sort: { by: 'name', dir: 'asc' } })).toBe(
      'from=2026-03-01&to=2026-03-31&group=link&model=first&sort=name',
    )
    expect(parse(funnelSearch(query, { model: 'last' }))).toEqual({ ...query, model: 'last' })
  })
})

describe('rangeBounds', () => {
  it.each([
    [
      { from: '2026-03-01', to: '2026-03-31' },
      { start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' },
    ],
    [
      { from: '2028-02-29', to: '2028-02-29' },
      { start: '2028-02-29T00:00:00.000Z', end: '2028-03-01T00:00:00.000Z' },
    ],
    [
      { from: '2026-12-31', to: '2026-12-31' },
      { start: '2026-12-31T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
    ],
  ])('%o', (range, bounds) => {
    expect(rangeBounds(range)).toEqual(bounds)
  })
})
