// As-you-type matching in the browser over the compact index (compact-index.ts). No lunr and no
// stemmer, to keep the script small: Han text is matched by bigrams, other words by their start
// (what is typed last is usually half a word), all words typed must match.
import type { CompactIndex } from './compact-index'

/** One suggestion: a document's URL and title, with the parts of the title that matched. */
export interface CompactHit {
  url: string
  title: string
  /** [start, end) offsets in `title` to mark. */
  marks: [number, number][]
}

const UNITS = /\p{Script=Han}+|[\p{L}\p{N}]+/gu
const HAN = /^\p{Script=Han}/u
const WORD_CHAR = /[\p{L}\p{N}]/u
// The commonest English words, which would otherwise make "how to" match nothing or everything.
const STOP = new Set('a an and are as at be by for from how i in is it of on or the to what when where which who why with your'.split(' '))
const WEIGHTS = [3, 2, 1] as const

interface Unit {
  han: boolean
  /** For a word: itself, lightly stemmed; for Han text: its bigrams (or the lone character). */
  grams: string[]
}

function lightStem(word: string): string {
  if (word.length <= 4) return word
  for (const suffix of ['ing', 'ed', 'es', 's'])
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length)
  return word
}

function normal(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** The parts of a query matched one by one. */
export function queryUnits(query: string): Unit[] {
  const units: Unit[] = []
  for (const [part] of normal(query.slice(0, 100)).matchAll(UNITS)) {
    if (HAN.test(part)) {
      const chars = Array.from(part)
      units.push({ han: true, grams: chars.length === 1 ? chars : chars.slice(1).map((c, i) => chars[i]! + c) })
    } else if (!STOP.has(part)) {
      units.push({ han: false, grams: [lightStem(part)] })
    }
  }
  return units.slice(0, 12)
}

// Offsets of `gram` in `text`; for a word, only where a word starts.
function occurrences(text: string, gram: string, han: boolean): number[] {
  const found: number[] = []
  let at = text.indexOf(gram)
  while (at !== -1 && found.length < 20) {
    if (han || at === 0 || !WORD_CHAR.test(text[at - 1]!)) found.push(at)
    at = text.indexOf(gram, at + 1)
  }
  return found
}

function wordEnd(text: string, at: number): number {
  let end = at
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++
  return end
}

/**
 * The best documents for what has been typed so far, at most `limit`.
 * @example searchCompact(index, '品牌价') // documents about 品牌价值 first
 */
export function searchCompact(index: CompactIndex, query: string, limit = 6): CompactHit[] {
  const units = queryUnits(query)
  if (units.length === 0) return []
  const scored: { hit: CompactHit; score: number; order: number }[] = []
  index.docs.forEach(([url, title, categories, text], order) => {
    const fields = [normal(title), normal(categories), normal(text)]
    let score = 0
    const marks: [number, number][] = []
    for (const unit of units) {
      let found = 0
      let weight = 0
      for (const gram of unit.grams) {
        const best = fields.findIndex((field) => occurrences(field, gram, unit.han).length > 0)
        if (best === -1) continue
        found++
        weight += WEIGHTS[best as 0 | 1 | 2]
        for (const at of occurrences(fields[0]!, gram, unit.han)) marks.push([at, unit.han ? at + gram.length : wordEnd(fields[0]!, at)])
      }
      // Chinese typed without spaces splits into bigrams that need not all be there (品牌的价值 for 品牌价值).
      if (found === 0 || found / unit.grams.length < 0.5) return
      score += weight / unit.grams.length
    }
    // A title that starts with what was typed is what a visitor typing it most likely wants.
    if (fields[0]!.startsWith(units[0]!.grams[0]!)) score += 0.5
    scored.push({ hit: { url, title, marks: marks.sort((a, b) => a[0] - b[0]) }, score, order })
  })
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.hit)
}
