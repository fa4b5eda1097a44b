/// <reference path="./lunr-types.d.ts" />
// Scores documents the way lunr's Index#query does (its BM25 weights, field boosts included),
// reading the index directly. lunr's query builds a Set, a FieldRef and a MatchData per matching
// document and field; at 10,000 posts that cost ~70 ms a query where this costs a few. Scores
// differ from lunr's only by the query vector's norm, the same for every document of a query, so
// the order is lunr's own (score.test.ts checks that against Index#query).
import lunr from 'lunr'

/** One term to look up, or (prefix) every indexed term starting with it. */
export interface ScoreClause {
  term: string
  prefix?: boolean
  boost?: number
  /** Which query term this clause stands for (0-29), to count how many a document has. */
  unit: number
}

export interface DocScore {
  score: number
  /** Bit `unit` is set for each query term the document contains. */
  units: number
}

/** Units are counted in a 32-bit mask. */
export const MAX_UNITS = 30

/** Scores queries against one loaded index; see createScorer. */
export interface Scorer {
  /** Documents containing at least one clause's term: their positions (lunr refs) with score and units. */
  score(clauses: readonly ScoreClause[]): { refs: number[]; scores: Float64Array; units: Int32Array }
}

/** One field's postings in compressed rows: term index i's documents are refs[offsets[i]…offsets[i+1]), with their weights. */
interface FieldPostings {
  offsets: Int32Array
  refs: Int32Array
  weights: Float64Array
}

// Turns lunr's per-document field vectors ([termIndex, weight, …] under `field/ref`) around into
// per-term lists, so a query reads each of its terms' documents in one pass.
function fieldPostings(index: lunr.Index, field: string, termCount: number, docCount: number): FieldPostings {
  const vectors: [number, number[]][] = []
  for (const [key, vector] of Object.entries(index.fieldVectors)) {
    const slash = key.lastIndexOf('/')
    if (key.slice(0, slash) !== field) continue
    const ref = Number(key.slice(slash + 1))
    if (Number.isInteger(ref) && ref >= 0 && ref < docCount) vectors.push([ref, vector.elements])
  }
  const offsets = new Int32Array(termCount + 1)
  for (const [, elements] of vectors) for (let i = 0; i < elements.length; i += 2) offsets[elements[i]! + 1]!++
  for (let i = 0; i < termCount; i++) offsets[i + 1]! += offsets[i]!
  const refs = new Int32Array(offsets[termCount]!)
  const weights = new Float64Array(offsets[termCount]!)
  const next = offsets.slice(0, termCount)
  for (const [ref, elements] of vectors) {
    for (let i = 0; i < elements.length; i += 2) {
      const at = next[elements[i]!]!++
      refs[at] = ref
      weights[at] = elements[i + 1]!
    }
  }
  return { offsets, refs, weights }
}

/**
 * Prepares a loaded lunr index (whose refs are 0…docCount-1) for scoring: its weights, read once
 * into per-term arrays, so that a query costs one pass over the postings of its terms.
 */
export function createScorer(index: lunr.Index, docCount: number): Scorer {
  const inverted = index.invertedIndex
  let termCount = 0
  for (const term in inverted) termCount = Math.max(termCount, inverted[term]!._index + 1)
  const fields = index.fields.map((field) => fieldPostings(index, field, termCount, docCount))
  return {
    score(clauses) {
      // As lunr's query vector: each indexed term once, weights of clauses naming it added up.
      const terms = new Map<number, { weight: number; units: number }>()
      for (const clause of clauses) {
        if (clause.unit < 0 || clause.unit >= MAX_UNITS) continue
        const expanded = clause.prefix
          ? index.tokenSet.intersect(lunr.TokenSet.fromString(`${clause.term}*`)).toArray()
          : Object.prototype.hasOwnProperty.call(inverted, clause.term)
            ? [clause.term]
            : []
        for (const term of expanded) {
          const termIndex = inverted[term]!._index
          const entry = terms.get(termIndex) ?? { weight: 0, units: 0 }
          entry.weight += clause.boost ?? 1
          entry.units |= 1 << clause.unit
          terms.set(termIndex, entry)
        }
      }
      const scores = new Float64Array(docCount)
      const units = new Int32Array(docCount)
      const refs: number[] = []
      for (const [termIndex, entry] of terms) {
        for (const postings of fields) {
          for (let at = postings.offsets[termIndex]!, end = postings.offsets[termIndex + 1]!; at < end; at++) {
            const ref = postings.refs[at]!
            if (units[ref] === 0) refs.push(ref)
            scores[ref]! += entry.weight * postings.weights[at]!
            units[ref]! |= entry.units
          }
        }
      }
      return { refs, scores, units }
    },
  }
}

/** How many bits of a mask are set. */
export function countUnits(mask: number): number {
  let count = 0
  for (let m = mask; m !== 0; m &= m - 1) count++
  return count
}
