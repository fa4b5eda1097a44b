/// <reference path="./lunr-types.d.ts" />
// Turns text into index terms, the same way for documents and queries, in Chinese, English and
// both mixed. lunr alone splits on whitespace, which finds nothing in Chinese; here Han text is
// indexed as character bigrams (so words the segmenter splits, such as 私域 or 营销, still match)
// plus the segmenter's own longer words, and Latin words keep lunr's stop words and stemmer.
import lunr from 'lunr'

const HAN_OR_NOT = /\p{Script=Han}+|[^\p{Script=Han}]+/gu
const HAN = /^\p{Script=Han}/u
// Letters, digits and combining marks; anything else (`*`, `~`, `:`, `^`, `_`) never reaches lunr,
// where `*` in a term would act as a wildcard.
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu
const WORD_PART = /(?:[\p{L}\p{N}\p{M}]|['’](?=[\p{L}\p{N}]))+/gu
const CONTROL = /[\p{Cc}\p{Cf}]/gu
const LATIN_LOWER = /^[a-z]+$/
/** Longer words are cut: nobody searches for them, and a 2 KB "word" should not cost 2 KB of index. */
const MAX_TERM_LENGTH = 40

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

/** A stretch of text that yields terms: a run of Han characters, or one other word. */
export interface Piece {
  /** The text as written (not normalised), so offsets stay those of the source. */
  text: string
  start: number
  han: boolean
  /** For a Han run: the segmenter's words inside it, in order. */
  words: string[]
}

/** Replaces control and format characters with spaces, keeping every offset where it was. */
export function withoutControls(text: string): string {
  return text.replace(CONTROL, (c) => ' '.repeat(c.length))
}

/**
 * Splits text into Han runs and other words, with their offsets in `text`.
 * @example pieces('用Marketing提升私域流量') // 用 (han), Marketing, 提升私域流量 (han)
 */
export function pieces(text: string): Piece[] {
  const out: Piece[] = []
  let run: Piece | null = null
  for (const segment of segmenter.segment(withoutControls(text))) {
    if (!segment.isWordLike) {
      run = null
      continue
    }
    // A segment may mix scripts (`A股`): each part is a piece of its own kind.
    for (const match of segment.segment.matchAll(HAN_OR_NOT)) {
      const part = match[0]
      const start = segment.index + (match.index ?? 0)
      if (HAN.test(part)) {
        if (run && run.start + run.text.length === start) {
          run.text += part
          run.words.push(part)
        } else {
          run = { text: part, start, han: true, words: [part] }
          out.push(run)
        }
      } else {
        run = null
        // The segmenter keeps `title:brand`, `e.g` and `don't` whole; split them as a reader
        // would, keeping an apostrophe inside a word (normalizeWord then drops it).
        for (const word of part.matchAll(WORD_PART)) out.push({ text: word[0], start: start + (word.index ?? 0), han: false, words: [] })
      }
    }
  }
  return out
}

/** A word as the index keeps it: NFKC, lower case, letters and digits only, cut to a maximum length. */
export function normalizeWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(NOT_WORD, '').slice(0, MAX_TERM_LENGTH)
}

/** True for an English stop word (lunr's list). */
export function isStopWord(word: string): boolean {
  return lunr.stopWordFilter(new lunr.Token(word)) === undefined
}

/** The index term of a non-Han word, stop words included: lunr's stemmer for Latin letters. */
export function wordTerm(word: string): string {
  const normal = normalizeWord(word)
  return LATIN_LOWER.test(normal) ? lunr.stemmer(new lunr.Token(normal)).toString() : normal
}

/**
 * The terms of a Han run: its character bigrams, plus the segmenter's words of three or more
 * characters; a lone character is its own term.
 */
export function hanTerms(run: string, words: readonly string[] = [run]): string[] {
  const chars = Array.from(run.normalize('NFKC'))
  if (chars.length === 1) return chars
  const terms: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!)
  for (const word of words) if (Array.from(word).length >= 3) terms.push(word.normalize('NFKC').slice(0, MAX_TERM_LENGTH))
  return terms
}

/**
 * The index terms of `text`, in order and with repeats (lunr counts them).
 * @example analyzeText('品牌价值 of brands') // ['品牌', '牌价', '价值', 'brand']
 */
export function analyzeText(text: string): string[] {
  const terms: string[] = []
  for (const piece of pieces(text)) {
    if (piece.han) {
      terms.push(...hanTerms(piece.text, piece.words))
      continue
    }
    const normal = normalizeWord(piece.text)
    if (normal && !isStopWord(normal)) terms.push(wordTerm(piece.text))
  }
  return terms
}

/** A query as the index reads it. */
export interface AnalyzedQuery {
  /** Distinct terms to look up, in the order typed. */
  terms: string[]
  /** Distinct terms of Latin (and other non-Han) words: matched in text by their stem. */
  wordTerms: string[]
  /** Han strings to mark in snippets: the bigrams and longer words, or lone characters. */
  hanFragments: string[]
  /** Lone Han characters typed as a whole query part (`茶`): looked up as the start of a term. */
  hanPrefixes: string[]
}

/** Queries are cut to this many characters: enough for any real question, bounded work for a 2 KB paste. */
export const MAX_QUERY_LENGTH = 200
/** And to this many distinct terms. */
export const MAX_QUERY_TERMS = 30

/**
 * Reads a query typed by anyone as plain text: no lunr syntax (`title:`, `*`, `~`, `+`, `-`, `^`)
 * has any meaning, and nothing it contains can make it throw.
 * @example analyzeQuery('品牌价值').terms // ['品牌', '牌价', '价值']
 */
export function analyzeQuery(query: unknown): AnalyzedQuery {
  const text = typeof query === 'string' ? query.slice(0, MAX_QUERY_LENGTH) : ''
  const terms = new Set<string>()
  const wordTerms = new Set<string>()
  const hanFragments = new Set<string>()
  const hanPrefixes = new Set<string>()
  for (const piece of pieces(text)) {
    if (terms.size >= MAX_QUERY_TERMS) break
    if (piece.han) {
      const found = hanTerms(piece.text, piece.words)
      if (found.length === 1 && Array.from(found[0]!).length === 1) hanPrefixes.add(found[0]!)
      for (const term of found) {
        terms.add(term)
        hanFragments.add(term)
      }
      continue
    }
    const normal = normalizeWord(piece.text)
    if (!normal || isStopWord(normal)) continue
    const term = wordTerm(piece.text)
    terms.add(term)
    wordTerms.add(term)
  }
  return {
    terms: [...terms].slice(0, MAX_QUERY_TERMS),
    wordTerms: [...wordTerms],
    hanFragments: [...hanFragments],
    hanPrefixes: [...hanPrefixes],
  }
}
