/// <reference path="./lunr-types.d.ts" />
import lunr from 'lunr'
import { describe, expect, it } from 'vitest'

import { analyzeQuery } from './analyze'
import { buildIndex } from './build-index'
import { enDocs, enQueries } from './fixtures/en'
import { zhDocs, zhQueries } from './fixtures/zh'
import { countUnits, createScorer, type ScoreClause } from './score'
import { loadIndex } from './search-index'

const loaded = loadIndex(JSON.parse(JSON.stringify(buildIndex([...zhDocs, ...enDocs], 'zh-CN'))))
const index = loaded.lunr
const scorer = createScorer(index, loaded.docs.length)

function scoreDocuments(clauses: ScoreClause[]): Map<string, { score: number; units: number }> {
  const { refs, scores, units } = scorer.score(clauses)
  return new Map(refs.map((ref) => [String(ref), { score: scores[ref]!, units: units[ref]! }]))
}

describe('createScorer', () => {
  // lunr's Index#query divides by the query vector's norm, one number per query: the ratio of
  // the two scores must be that same number for every document.
  it.each([...zhQueries, ...enQueries, ['茶 裂', []] as [string, string[]]])('scores %s as lunr’s Index#query does', (query) => {
    const { terms, hanPrefixes } = analyzeQuery(query)
    const lunrResults = index.query((q) => {
      for (const term of terms) {
        q.term(term, { usePipeline: false })
        if (hanPrefixes.includes(term)) q.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 0.5 })
      }
    })
    const ours = scoreDocuments(
      terms.flatMap((term, unit) => [{ term, unit }, ...(hanPrefixes.includes(term) ? [{ term, unit, prefix: true, boost: 0.5 }] : [])]),
    )
    expect([...ours.keys()].sort()).toEqual(lunrResults.map((r) => r.ref).sort())
    const ratios = lunrResults.map((r) => ours.get(r.ref)!.score / r.score)
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0]!, 9)
    // And the terms each document matched are those lunr reports.
    for (const result of lunrResults) {
      const matched = terms.filter((term) =>
        Object.keys(result.matchData.metadata).some((m) => m === term || (hanPrefixes.includes(term) && m.startsWith(term))),
      )
      expect(countUnits(ours.get(result.ref)!.units)).toBe(matched.length)
    }
  })

  it('ignores terms the index does not have, object keys included', () => {
    expect(
      scoreDocuments([
        { term: '__proto__', unit: 0 },
        { term: 'constructor', unit: 1 },
        { term: 'zebracorn', unit: 2 },
      ]).size,
    ).toBe(0)
  })

  it('counts set bits', () => {
    expect([0, 1, 0b1011, 2 ** 29 + 1].map(countUnits)).toEqual([0, 1, 3, 2])
  })
})
