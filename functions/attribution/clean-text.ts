// C0 and C1 control characters: nothing a person means to type into a campaign name or a path.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
// Bidirectional overrides would let a crafted campaign name reverse the words around it in the sales email.
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/g

/**
 * A value from the outside made fit to store: controls removed, trimmed, cut to `max` characters (code points), empty → null.
 * @example cleanText('  春季发布 ', 200) // '春季发布'
 */
export function cleanText(value: string | null | undefined, max: number): string | null {
  if (typeof value !== 'string') return null
  const text = value.replace(CONTROL, '').replace(BIDI_OVERRIDE, '').trim()
  if (!text) return null
  if (text.length <= max) return text
  // Cut by code point so a clip never leaves half of a surrogate pair (emoji, rare CJK).
  return Array.from(text).slice(0, max).join('').trimEnd()
}
