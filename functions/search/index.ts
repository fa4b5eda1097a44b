// Site search in Chinese and English: index building, querying with highlighted snippets, and the
// compact index and matcher for as-you-type suggestions in the browser.
export { analyzeQuery, analyzeText, MAX_QUERY_LENGTH, type AnalyzedQuery } from './analyze'
export { buildIndex, isPublicDoc, INDEX_VERSION, type SearchDoc, type SerializedSearchIndex, type StoredDoc } from './build-index'
export { compactIndex, type CompactIndex } from './compact-index'
export { blocksText, pageSearchDoc, postSearchDoc } from './documents'
export { searchCompact, type CompactHit } from './match-compact'
export { loadIndex, searchIndex, SearchIndexError, type SearchIndex, type SearchPage, type SearchResult } from './search-index'
export { highlightHtml, snippetHtml } from './snippet'
