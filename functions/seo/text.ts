/**
 * Text as one line: runs of whitespace (newlines from a textarea included) become one space.
 * @example oneLine(' a\n\n b ') // 'a b'
 */
export function oneLine(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

/**
 * At most `max` characters (code points, so a Chinese character or an emoji counts once), cut at
 * a space when one is near the end and marked with an ellipsis.
 * @example truncate('Bring customers home', 12) // 'Bring…'
 */
export function truncate(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const cut = chars.slice(0, max - 1).join('')
  const space = cut.lastIndexOf(' ')
  // Latin text is cut at a word boundary; Chinese has no spaces and is cut anywhere.
  const head = space > cut.length * 0.6 ? cut.slice(0, space) : cut
  return `${head.replace(/[\s,.;:，。；：、]+$/u, '')}…`
}

/** The first text that is not empty once trimmed, or ''. */
export function firstText(...candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const text = oneLine(candidate)
    if (text) return text
  }
  return ''
}
