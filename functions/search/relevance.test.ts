import { describe, expect, it } from 'vitest'

import { buildIndex } from './build-index'
import { enDocs, enQueries } from './fixtures/en'
import { zhDocs, zhQueries } from './fixtures/zh'
import { loadIndex, searchIndex } from './search-index'

// Each index goes through JSON, as it does on its way to the site.
const zh = loadIndex(JSON.parse(JSON.stringify(buildIndex(zhDocs, 'zh-CN'))))
const en = loadIndex(JSON.parse(JSON.stringify(buildIndex(enDocs, 'en'))))

describe('the relevance fixture', () => {
  it('has at least 30 documents and 20 queries per language', () => {
    expect(zhDocs.length).toBeGreaterThanOrEqual(30)
    expect(enDocs.length).toBeGreaterThanOrEqual(30)
    expect(zhQueries.length).toBeGreaterThanOrEqual(20)
    expect(enQueries.length).toBeGreaterThanOrEqual(20)
  })
})

describe.each([
  ['zh-CN', zh, zhQueries],
  ['en', en, enQueries],
] as const)('relevance in %s', (_locale, index, queries) => {
  it.each(queries)('%s', (query, first) => {
    const ids = searchIndex(index, query, { perPage: 10 }).results.map((r) => r.id)
    expect(ids.slice(0, first.length).sort()).toEqual([...first].sort())
  })
})
