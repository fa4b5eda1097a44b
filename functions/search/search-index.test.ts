import { describe, expect, it } from 'vitest'

import { buildIndex, type SearchDoc } from './build-index'
import { enDocs, enQueries } from './fixtures/en'
import { zhDocs, zhQueries } from './fixtures/zh'
import { loadIndex, searchIndex, SearchIndexError } from './search-index'

const mixed = loadIndex(JSON.parse(JSON.stringify(buildIndex([...zhDocs, ...enDocs], 'zh-CN'))))

describe('hostile queries are read as plain text and never throw', () => {
  // [what, query, the plain words it must be read as, the document that must come first]
  const table: [string, unknown, string, string | null][] = [
    ['a field prefix', 'title:', 'title', 'seo-starter'],
    ['a field prefix with a word', 'title:loyalty', 'title loyalty', null],
    ['a lone wildcard', '*', '', null],
    ['a wildcard word', 'loyalty*', 'loyalty', 'loyalty-points'],
    ['a leading wildcard', '*points', 'points', 'loyalty-points'],
    ['a fuzzy marker', '~', '', null],
    ['an edit distance', 'loyalty~2', 'loyalty 2', 'loyalty-points'],
    ['presence markers', '+-', '', null],
    ['presence markers on words', '+loyalty -points', 'loyalty points', 'loyalty-points'],
    ['a boost', 'loyalty^10', 'loyalty 10', 'loyalty-points'],
    ['a colon on its own', ':', '', null],
    ['backslashes and quotes', '\\\\ "\' `', '', null],
    ['object keys', '__proto__', 'proto', null],
    ['constructor', 'constructor', 'constructor', null],
    ['prototype methods', 'toString hasOwnProperty valueOf', 'tostring hasownproperty valueof', null],
    ['control characters', '\u0000\u0001\u001b[31m\u007f', '31m', null],
    ['control characters around a word', '\u0000私域流量\u0007', '私域流量', 'private-traffic'],
    ['a 2 KB string', 'x'.repeat(2048), 'x'.repeat(40), null],
    ['a 2 KB string of Chinese', '品牌'.repeat(1024), '品牌', 'brand-value'],
    ['a lone surrogate', '\ud800 brand', 'brand', 'brand-equity'],
    ['not a string', { toString: () => 'brand' }, '', null],
    ['only spaces', '   \n\t ', '', null],
    ['only stop words', 'the and of', '', null],
  ]
  it.each(table)('%s', (_name, query, plain, first) => {
    const page = searchIndex(mixed, query)
    const expected = searchIndex(mixed, plain)
    expect(page.results.map((r) => r.id)).toEqual(expected.results.map((r) => r.id))
    expect(page.total).toBe(expected.total)
    if (first) expect(page.results[0]?.id).toBe(first)
    if (plain === '') expect(page.total).toBe(0)
  })
})

describe('searchIndex', () => {
  it('pages results and brings the page number into range', () => {
    const all = searchIndex(mixed, '品牌', { perPage: 50 })
    expect(all.total).toBeGreaterThan(12)
    const second = searchIndex(mixed, '品牌', { page: 2, perPage: 5 })
    expect(second).toMatchObject({ page: 2, perPage: 5, total: all.total, totalPages: Math.ceil(all.total / 5) })
    expect(second.results.map((r) => r.id)).toEqual(all.results.slice(5, 10).map((r) => r.id))
    expect(searchIndex(mixed, '品牌', { page: 9999, perPage: 5 }).page).toBe(Math.ceil(all.total / 5))
    expect(searchIndex(mixed, '品牌', { page: -3 }).page).toBe(1)
    expect(searchIndex(mixed, '品牌', { page: Number.NaN }).page).toBe(1)
    expect(searchIndex(mixed, '品牌', { perPage: 10_000 }).perPage).toBe(50)
  })

  it('returns what a result shows, escaped and highlighted', () => {
    const [first] = searchIndex(mixed, '会员积分').results
    expect(first).toMatchObject({
      id: 'member-points',
      kind: 'post',
      path: '/blog/member-points',
      title: '会员积分体系怎么设计才不变成负债',
      titleHtml: '<mark>会员积分</mark>体系怎么设计才不变成负债',
      categories: ['会员运营'],
      date: '2025-01-04T00:00:00.000Z',
    })
    expect(first!.snippetHtml).toContain('<mark>会员积分</mark>')
  })

  it('finds a lone Han character at the start of words', () => {
    expect(searchIndex(mixed, '裂').results[0]?.id).toBe('referral-fission')
  })

  it('refuses a file that is not an index of this version', () => {
    expect(() => loadIndex({ version: 0 })).toThrow(SearchIndexError)
    expect(() => loadIndex(null)).toThrow('The search index is not of version 1; rebuild it (it is rebuilt whenever content is published).')
  })
})

describe('buildIndex', () => {
  const secret: SearchDoc = {
    id: 'vip',
    kind: 'post',
    path: '/blog/vip',
    title: '会员专享：年度私域白皮书',
    body: 'zebracorn 独角兽 secret strategy',
    visibility: 'members',
  }
  const visible: SearchDoc = { id: 'open', kind: 'page', path: '/open', title: 'Open page', body: 'unicorn notes', visibility: 'public' }
  const untitled: SearchDoc = { id: 'draft', kind: 'post', path: '/blog/draft', title: '', body: 'zebracorn' }
  const built = buildIndex([secret, visible, untitled, ...enDocs.slice(0, 2)], 'en', new Date('2025-05-01T00:00:00Z'))
  const json = JSON.stringify(built)

  it('leaves out members-only documents and documents without a title in this locale', () => {
    expect(built.docs.map((d) => d.id)).toEqual(['open', 'owned-audience', 'brand-equity'])
    // Not a word of them is in the file, neither in the stored text nor among the terms.
    for (const word of ['zebracorn', '独角兽', 'secret', '白皮书', 'vip']) expect(json).not.toContain(word)
    const index = loadIndex(JSON.parse(json))
    expect(searchIndex(index, 'zebracorn').total).toBe(0)
    expect(searchIndex(index, 'unicorn').results.map((r) => r.id)).toEqual(['open'])
  })

  it('treats a missing visibility as public', () => {
    expect(buildIndex([{ ...visible, visibility: undefined }], 'en').docs).toHaveLength(1)
    expect(buildIndex([{ ...visible, visibility: null }], 'en').docs).toHaveLength(1)
    expect(buildIndex([{ ...visible, visibility: '' }], 'en').docs).toHaveLength(1)
    expect(buildIndex([{ ...visible, visibility: 'Members' }], 'en').docs).toHaveLength(0)
  })

  it('writes plain JSON with the locale and build time', () => {
    expect(built).toMatchObject({ version: 1, locale: 'en', builtAt: '2025-05-01T00:00:00.000Z' })
    expect(JSON.parse(json)).toEqual(built)
  })
})

// The relevance fixture: what each query must find first, per language.
// Each index goes through JSON, as it does on its way to the site.
const zhOnly = loadIndex(JSON.parse(JSON.stringify(buildIndex(zhDocs, 'zh-CN'))))
const enOnly = loadIndex(JSON.parse(JSON.stringify(buildIndex(enDocs, 'en'))))

describe('the relevance fixture', () => {
  it('has at least 30 documents and 20 queries per language', () => {
    expect(zhDocs.length).toBeGreaterThanOrEqual(30)
    expect(enDocs.length).toBeGreaterThanOrEqual(30)
    expect(zhQueries.length).toBeGreaterThanOrEqual(20)
    expect(enQueries.length).toBeGreaterThanOrEqual(20)
  })
})

describe.each([
  ['zh-CN', zhOnly, zhQueries],
  ['en', enOnly, enQueries],
] as const)('relevance in %s', (_locale, index, queries) => {
  it.each(queries)('%s', (query, first) => {
    const ids = searchIndex(index, query, { perPage: 10 }).results.map((r) => r.id)
    expect(ids.slice(0, first.length).sort()).toEqual([...first].sort())
  })
})
