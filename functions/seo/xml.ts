// Characters XML 1.0 forbids outright (C0 controls other than tab, newline and carriage return,
// lone surrogates, U+FFFE/U+FFFF): a parser rejects the whole document for one of them, so a stray
// control character pasted into a title must not take the sitemap or the feed down.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Text made safe for XML element content and attribute values: markup characters escaped,
 * characters XML cannot carry removed.
 * @example escapeXml('R&D <b>') // 'R&amp;D &lt;b&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}
