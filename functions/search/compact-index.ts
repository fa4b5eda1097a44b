import type { SerializedSearchIndex } from './build-index'

/**
 * What the as-you-type script downloads: for each public document its URL, title, categories
 * and the start of its text. Small on purpose; the full index stays on the server.
 */
export interface CompactIndex {
  v: 1
  locale: string
  builtAt: string
  /** [url, title, categories joined, the start of the text] */
  docs: [string, string, string, string][]
}

/** Characters of each document's text sent for as-you-type matching. */
export const COMPACT_TEXT_LENGTH = 240

/**
 * The compact form of an index for the browser, with each path turned into the URL the site serves.
 * @example compactIndex(index, (path) => localizedHref(path, 'en', 'zh-CN'))
 */
export function compactIndex(
  index: Pick<SerializedSearchIndex, 'locale' | 'builtAt' | 'docs'>,
  href: (path: string) => string = (path) => path,
): CompactIndex {
  return {
    v: 1,
    locale: index.locale,
    builtAt: index.builtAt,
    docs: index.docs.map((doc) => [
      href(doc.path),
      doc.title,
      doc.categories.join(' / '),
      doc.text.replace(/\s+/g, ' ').trim().slice(0, COMPACT_TEXT_LENGTH),
    ]),
  }
}
