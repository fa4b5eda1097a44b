/** The fields that decide whether a visitor who is not signed in may see a document. */
export interface Publishable {
  _status?: string | null
  /** Set by the membership work: 'public', or a narrower audience such as 'members'. Missing means public. */
  visibility?: string | null
}

/**
 * True when anyone may see the document: published (or not versioned at all) and not restricted to
 * members. Sitemaps, feeds and share images list only such content.
 * @example isPublicContent({ _status: 'published', visibility: 'members' }) // false
 */
export function isPublicContent(doc: Publishable): boolean {
  const published = doc._status == null || doc._status === 'published'
  const visible = doc.visibility == null || doc.visibility === '' || doc.visibility === 'public'
  return published && visible
}
