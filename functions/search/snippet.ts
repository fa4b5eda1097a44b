// Highlighted snippets: the stretch of a document's text where the query's words are densest,
// HTML-escaped, with each match in <mark>. Only escaped text and our own <mark> tags come out.
import { escapeHtml } from '../content/rich-text'
import { type AnalyzedQuery, wordTerm } from './analyze'

interface Range {
  start: number
  end: number
  /** Which query term or fragment matched, to prefer windows that show several different ones. */
  key: string
}

/** Only this much of a document is scanned for matches: bounded work per result. */
const MAX_SCANNED = 20_000
const MAX_RANGES = 300
// A letter or digit of a word that is not Han: Han text has no word boundaries to respect.
const WORD_CHAR = /[^\P{L}\p{Script=Han}]|[\p{N}\p{M}]/u
const HAN_CHAR = /\p{Script=Han}/gu

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Where the query matches `text`: Latin words whose stem is a query term, and Han fragments
 * (bigrams, longer words, lone characters) found as they are.
 */
export function matchRanges(text: string, query: AnalyzedQuery): Range[] {
  const scanned = text.slice(0, MAX_SCANNED)
  const ranges: Range[] = []
  for (const term of query.wordTerms) {
    // A stem is the start of the words it comes from, except where the stemmer turned y into i.
    const stemStart = term.length > 3 && term.endsWith('i') ? term.slice(0, -1) : term
    const pattern = new RegExp(`(?<!${WORD_CHAR.source})${escapeRegExp(stemStart)}(?:${WORD_CHAR.source})*`, 'giu')
    for (const match of scanned.matchAll(pattern)) {
      if (ranges.length >= MAX_RANGES) break
      if (wordTerm(match[0]) === term) ranges.push({ start: match.index, end: match.index + match[0].length, key: term })
    }
  }
  for (const fragment of query.hanFragments) {
    let at = scanned.indexOf(fragment)
    while (at !== -1 && ranges.length < MAX_RANGES) {
      ranges.push({ start: at, end: at + fragment.length, key: fragment })
      at = scanned.indexOf(fragment, at + 1)
    }
  }
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end)
}

function merged(ranges: Range[], from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  for (const range of ranges) {
    const start = Math.max(range.start, from)
    const end = Math.min(range.end, to)
    if (end <= start) continue
    const last = out[out.length - 1]
    if (last && start <= last.end) last.end = Math.max(last.end, end)
    else out.push({ start, end })
  }
  return out
}

/** `text` from `from` to `to`, escaped, with the ranges inside it marked. */
export function markedHtml(text: string, ranges: Range[], from = 0, to = text.length): string {
  let html = ''
  let at = from
  for (const range of merged(ranges, from, to)) {
    html += escapeHtml(text.slice(at, range.start)) + '<mark>' + escapeHtml(text.slice(range.start, range.end)) + '</mark>'
    at = range.end
  }
  return html + escapeHtml(text.slice(at, to))
}

/** The whole of a short text (a title) with every match marked. */
export function highlightHtml(text: string, query: AnalyzedQuery): string {
  return markedHtml(text, matchRanges(text, query))
}

function isHanHeavy(text: string): boolean {
  const sample = text.slice(0, 400)
  return (sample.match(HAN_CHAR)?.length ?? 0) > sample.length / 3
}

// Moves a cut off the middle of a Latin word, within a few characters.
function snapStart(text: string, start: number): number {
  if (start <= 0) return 0
  for (let i = start; i > Math.max(0, start - 12); i--) if (!WORD_CHAR.test(text[i - 1]!)) return i
  return start
}

function snapEnd(text: string, end: number): number {
  if (end >= text.length) return text.length
  for (let i = end; i < Math.min(text.length, end + 12); i++) if (!WORD_CHAR.test(text[i]!)) return i
  return end
}

export interface SnippetOptions {
  /** Characters shown; Chinese text, being denser, gets half. Default 200. */
  length?: number
}

/**
 * An HTML snippet of `text` around the query's densest matches, escaped, matches in <mark>;
 * the start of the text when nothing in it matches (the match was in the title, say).
 * @example snippetHtml('… 私域流量是 …', analyzeQuery('私域')) // '… <mark>私域</mark>流量是 …'
 */
export function snippetHtml(text: string, query: AnalyzedQuery, { length = 200 }: SnippetOptions = {}): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const size = isHanHeavy(flat) ? Math.round(length / 2) : length
  const ranges = matchRanges(flat, query)
  let from = 0
  if (ranges.length > 0) {
    // The window that shows the most different query terms, then the most matches, earliest first.
    let best = { start: 0, distinct: -1, count: -1 }
    const lead = Math.round(size / 8)
    for (const anchor of ranges) {
      const start = Math.max(0, anchor.start - lead)
      const inside = ranges.filter((r) => r.start >= start && r.end <= start + size)
      const distinct = new Set(inside.map((r) => r.key)).size
      if (distinct > best.distinct || (distinct === best.distinct && inside.length > best.count))
        best = { start, distinct, count: inside.length }
    }
    from = best.start
  }
  from = snapStart(flat, from)
  // A snippet starts at a word, not at the comma before it.
  while (from > 0 && from < flat.length && /[\s\p{P}]/u.test(flat[from]!)) from++
  const to = snapEnd(flat, Math.min(flat.length, from + size))
  return (from > 0 ? '…' : '') + markedHtml(flat, ranges, from, to) + (to < flat.length ? '…' : '')
}
