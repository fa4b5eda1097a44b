/// <reference path="./lunr-types.d.ts" />
import lunr from 'lunr'

import { analyzeQuery } from './analyze'
import { INDEX_VERSION, type SerializedSearchIndex, type StoredDoc } from './build-index'
import { countUnits, createScorer, type ScoreClause, type Scorer } from './score'
import { highlightHtml, snippetHtml } from './snippet'

/** A search index ready to answer queries (see loadIndex). */
export interface SearchIndex {
  locale: string
  builtAt: string
  docs: StoredDoc[]
  lunr: lunr.Index
  scorer: Scorer
}

/** One result, ready to show: the title and snippet are escaped HTML with matches in <mark>. */
export interface SearchResult {
  id: string | number
  kind: 'page' | 'post'
  /** The site path in the default locale. */
  path: string
  title: string
  titleHtml: string
  snippetHtml: string
  categories: string[]
  date: string | null
  score: number
}

export interface SearchPage {
  query: string
  total: number
  page: number
  perPage: number
  totalPages: number
  results: SearchResult[]
}

/** The index file is not one this code wrote (another version, or damaged). */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError'
}

/**
 * Reads a serialised index back into a searchable one.
 * @throws SearchIndexError when it is not an index of this version.
 */
export function loadIndex(serialized: unknown): SearchIndex {
  const value = serialized as Partial<SerializedSearchIndex> | null
  if (!value || typeof value !== 'object' || value.version !== INDEX_VERSION || !Array.isArray(value.docs) || !value.lunr) {
    throw new SearchIndexError(
      `The search index is not of version ${INDEX_VERSION}; rebuild it (it is rebuilt whenever content is published).`,
    )
  }
  const index = lunr.Index.load(value.lunr)
  return {
    locale: String(value.locale),
    builtAt: String(value.builtAt),
    docs: value.docs,
    lunr: index,
    scorer: createScorer(index, value.docs.length),
  }
}

export interface SearchOptions {
  /** 1-based; out-of-range values are brought into range. */
  page?: number
  perPage?: number
}

const MAX_PER_PAGE = 50

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback
  return Math.min(Math.max(Math.trunc(value), min), max)
}

/**
 * Searches an index with a query typed by a visitor, read as plain text (lunr's query syntax
 * means nothing here, so no query can make it throw), best results first, one page of them.
 * @example searchIndex(index, '品牌价值', { page: 1, perPage: 10 }).results[0].snippetHtml
 */
export function searchIndex(index: SearchIndex, query: unknown, options: SearchOptions = {}): SearchPage {
  const text = typeof query === 'string' ? query : ''
  const perPage = clampInt(options.perPage, 1, MAX_PER_PAGE, 10)
  const analyzed = analyzeQuery(text)
  if (analyzed.terms.length === 0) return { query: text, total: 0, page: 1, perPage, totalPages: 0, results: [] }

  // Terms are already analysed, so they are looked up as they are. A lone Han character also
  // finds the bigrams it starts (茶 finds 茶叶).
  const clauses: ScoreClause[] = analyzed.terms.flatMap((term, unit) => [
    { term, unit },
    ...(analyzed.hanPrefixes.includes(term) ? [{ term, unit, prefix: true, boost: 0.5 }] : []),
  ])
  // Documents that have all the words typed come before those that have a few of them many
  // times (lunr alone sums scores): the score is scaled by the share of query terms present.
  const { refs, scores, units } = index.scorer.score(clauses)
  const ranked = refs
    .map((ref) => ({ ref, score: (scores[ref]! * countUnits(units[ref]!)) / analyzed.terms.length }))
    .sort((a, b) => b.score - a.score || a.ref - b.ref)

  const total = ranked.length
  const totalPages = Math.ceil(total / perPage)
  const page = clampInt(options.page, 1, Math.max(totalPages, 1), 1)
  const results = ranked.slice((page - 1) * perPage, page * perPage).map(({ ref, score }): SearchResult => {
    const doc = index.docs[ref]!
    return {
      id: doc.id,
      kind: doc.kind,
      path: doc.path,
      title: doc.title,
      titleHtml: highlightHtml(doc.title, analyzed),
      snippetHtml: snippetHtml(doc.text, analyzed),
      categories: doc.categories,
      date: doc.date,
      score,
    }
  })
  return { query: text, total, page, perPage, totalPages, results }
}
