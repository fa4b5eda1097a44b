/// <reference path="./lunr-types.d.ts" />
import lunr from 'lunr'

import { analyzeText } from './analyze'

/** A published page or post as search sees it. */
export interface SearchDoc {
  id: string | number
  kind: 'page' | 'post'
  /** The site path in the default locale (`/blog/owned-channels-first`); the site adds the locale prefix. */
  path: string
  title: string
  excerpt?: string | null
  /** The body as plain text. */
  body?: string | null
  categories?: string[] | null
  /** ISO date of publication, shown beside posts. */
  date?: string | null
  /** Who may read it; anything other than `public` (members only, say) never enters the index. Missing means public. */
  visibility?: string | null
}

/** What a result shows; kept beside the lunr index so a search needs nothing else. */
export interface StoredDoc {
  id: string | number
  kind: 'page' | 'post'
  path: string
  title: string
  excerpt: string
  categories: string[]
  date: string | null
  /** Excerpt and body text, for snippets. */
  text: string
}

/** A search index as written to disk and read back: plain JSON. */
export interface SerializedSearchIndex {
  version: typeof INDEX_VERSION
  locale: string
  builtAt: string
  /** Stored documents; a lunr ref is a position in this list. */
  docs: StoredDoc[]
  lunr: object
}

export const INDEX_VERSION = 1
/** Field weights: a word in the title says more about a document than the same word in its body. */
export const FIELD_BOOSTS = { title: 8, categories: 4, excerpt: 2, body: 1 } as const
/** Text past this length is neither indexed nor stored: bounded index size for pasted books. */
const MAX_TEXT = 20_000

/** True when a document may be in the public index: no visibility (as functions/seo reads it), or `public`. */
export function isPublicDoc(doc: Pick<SearchDoc, 'visibility'>): boolean {
  return doc.visibility == null || doc.visibility === '' || doc.visibility === 'public'
}

function clean(value: unknown, max = MAX_TEXT): string {
  return typeof value === 'string' ? value.slice(0, max) : ''
}

/**
 * Builds the search index of one locale from its published documents; documents that are not
 * public, or have no title in this locale, are left out.
 * @example const index = buildIndex(docs, 'zh-CN'); writeFile(file, JSON.stringify(index))
 */
export function buildIndex(docs: readonly SearchDoc[], locale: string, now: Date = new Date()): SerializedSearchIndex {
  const stored: StoredDoc[] = []
  const builder = new lunr.Builder()
  builder.ref('ref')
  for (const [field, boost] of Object.entries(FIELD_BOOSTS)) builder.field(field, { boost })
  // Terms come analysed (analyze.ts); lunr's own pipeline, whose trimmer strips every Han
  // character, stays empty, so nothing needs registering to load the index again.
  builder.tokenizer = (value) => analyzeText(typeof value === 'string' ? value : '').map((term) => new lunr.Token(term))
  builder.metadataWhitelist = []
  for (const doc of docs) {
    const title = clean(doc.title, 500).trim()
    if (!title || !isPublicDoc(doc)) continue
    const excerpt = clean(doc.excerpt, 1000)
    const body = clean(doc.body)
    const categories = (doc.categories ?? []).filter((c): c is string => typeof c === 'string' && c !== '')
    const ref = String(stored.length)
    stored.push({
      id: doc.id,
      kind: doc.kind,
      path: doc.path,
      title,
      excerpt,
      categories,
      date: doc.date ?? null,
      text: [excerpt, body].filter(Boolean).join('\n'),
    })
    builder.add({ ref, title, categories: categories.join(' / '), excerpt, body })
  }
  return { version: INDEX_VERSION, locale, builtAt: now.toISOString(), docs: stored, lunr: builder.build().toJSON() }
}
