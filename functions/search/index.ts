// Site search in Chinese and English: index building, querying with highlighted snippets, and the
// compact index and matcher for as-you-type suggestions in the browser.
export { type AnalyzedQuery, analyzeQuery, analyzeText, MAX_QUERY_LENGTH } from './analyze'
export { buildIndex, INDEX_VERSION, isPublicDoc, type SearchDoc, type SerializedSearchIndex, type StoredDoc } from './build-index'
export { type CompactIndex, compactIndex } from './compact-index'
export { blocksText, pageSearchDoc, postSearchDoc } from './documents'
export { type CompactHit, searchCompact } from './match-compact'
export { loadIndex, type SearchIndex, searchIndex, SearchIndexError, type SearchPage, type SearchResult } from './search-index'
export { highlightHtml, snippetHtml } from './snippet'
