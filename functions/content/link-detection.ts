// Finds web addresses and email addresses in text an editor types, for the rich-text editor's
// automatic links. Written for Chinese text as much as English: a link is ASCII, so full-width
// punctuation (：，。（）) and Chinese characters end it, and it needs no space around it.
//
// Every rule here is a pure function of strings so that the editor can ask the same questions
// when it creates a link and when it checks one later: a link it creates always passes its own
// check, which is what keeps the editor from undoing and redoing a link forever.

/** A link found in a text: where it is, what it says and where it points. */
export interface DetectedLink {
  start: number
  end: number
  text: string
  url: string
}

interface Matcher {
  pattern: RegExp
  url: (text: string) => string
}

// ASCII only and without lookaheads, anchors or \b: a match of a prefix is then a match of the
// whole string too, which `continuesLink` relies on.
const MATCHERS: Matcher[] = [
  {
    pattern: /(?:https?:\/\/|www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?(?:[/?#][-a-z0-9@:%_+~#=/?&!*,;$'.()]*)?/gi,
    url: (text) => (/^https?:\/\//i.test(text) ? text : `https://${text}`),
  },
  {
    pattern: /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi,
    url: (text) => `mailto:${text}`,
  },
]

// Sentence punctuation that may follow a link without being part of it: "see https://a.com." .
const TRAILING = /[.,:;!?']+$/

/** Drops sentence punctuation and an unbalanced closing bracket from the end of a raw match. */
function trimMatch(raw: string): string {
  let text = raw
  for (;;) {
    const before = text
    text = text.replace(TRAILING, '')
    if (text.endsWith(')') && count(text, '(') < count(text, ')')) text = text.slice(0, -1)
    if (text === before) return text
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1
}

function firstMatchFrom(text: string, from: number): DetectedLink | null {
  let best: DetectedLink | null = null
  for (const { pattern, url } of MATCHERS) {
    pattern.lastIndex = from
    const match = pattern.exec(text)
    if (!match) continue
    const linkText = trimMatch(match[0])
    if (linkText.length === 0) continue
    if (best === null || match.index < best.start) {
      best = { start: match.index, end: match.index + linkText.length, text: linkText, url: url(linkText) }
    }
  }
  return best
}

/** The link that starts at the very beginning of `text`, or null. */
function linkAtStart(text: string): DetectedLink | null {
  const match = firstMatchFrom(text, 0)
  return match && match.start === 0 ? match : null
}

/**
 * The URL `text` points to when the whole of it is one link, else null.
 * @example linkFor('hello@cinnabar.example') // 'mailto:hello@cinnabar.example'
 */
export function linkFor(text: string): string | null {
  const match = linkAtStart(text)
  return match && match.text === text ? match.url : null
}

// Characters that glue a link to the text before it ("abc/https://…", "x.hello@…"): such a link
// is not where the writer ended a word, so it is left alone.
const GLUED_BEFORE = /[a-z0-9_@.%+\-/:#?=&~]$/i
const GLUED_AFTER = /^[a-z0-9_@]/i

/** True when a link may start right after `preceding` (the text just before it). */
export function startsCleanly(preceding: string): boolean {
  return !GLUED_BEFORE.test(preceding)
}

/** True when `following` (the text right after a link) would make the link longer or is glued to it. */
export function continuesLink(linkText: string, following: string): boolean {
  if (following === '') return false
  if (GLUED_AFTER.test(following)) return true
  return (linkAtStart(linkText + following)?.text.length ?? 0) > linkText.length
}

/**
 * The first link in `text` that stands on its own: whole, not glued to the text around it.
 * `before` and `after` are the texts next to `text` (a differently formatted neighbour), used
 * when the link touches an edge of `text`.
 * @example findLink('hello@cinnabar.example', { before: '邮箱：', after: '' })
 */
export function findLink(text: string, { before, after }: { before: string; after: string }): DetectedLink | null {
  let from = 0
  for (;;) {
    const match = firstMatchFrom(text, from)
    if (!match) return null
    const preceding = match.start > 0 ? text.slice(0, match.start) : before
    const following = match.end < text.length ? text.slice(match.end) : after
    if (linkFor(match.text) === match.url && startsCleanly(preceding) && !continuesLink(match.text, following)) return match
    from = Math.max(match.end, match.start + 1)
  }
}
