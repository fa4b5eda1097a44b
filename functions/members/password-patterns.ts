import { COMMON_PASSWORDS } from './common-passwords'

// l33t substitutions undone one character for one, so positions in the folded text match the original.
const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '(': 'c',
  '3': 'e',
  '6': 'g',
  '!': 'i',
  '|': 'l',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
}

/**
 * The ways a password may have been l33t-spelled: `1` read as i and as l.
 * @example unfoldLeet('p@ssw0rd1') // ['passwordi', 'passwordl']
 */
export function unfoldLeet(text: string): [string, string] {
  const chars = Array.from(text, (c) => LEET[c] ?? c)
  return [chars.map((c) => (c === '1' ? 'i' : c)).join(''), chars.map((c) => (c === '1' ? 'l' : c)).join('')]
}

// US keyboard rows with their stagger, so that neighbours across rows (q–a–z, 1–q) count too.
const ROWS: [string, number][] = [
  ['`1234567890-=', -1],
  ['qwertyuiop[]\\', 0.5],
  ["asdfghjkl;'", 0.75],
  ['zxcvbnm,./', 1.25],
]
const SHIFTED = '~!@#$%^&*()_+{}|:"<>?'
const UNSHIFTED = "`1234567890-=[]\\;',./"
const KEY_POSITION = new Map<string, [number, number]>()
ROWS.forEach(([keys, offset], row) => Array.from(keys).forEach((key, col) => KEY_POSITION.set(key, [col + offset, row])))

function keyOf(char: string): [number, number] | undefined {
  const index = SHIFTED.indexOf(char)
  return KEY_POSITION.get(index >= 0 ? UNSHIFTED[index]! : char)
}

function adjacentKeys(a: string, b: string): boolean {
  const p = keyOf(a)
  const q = keyOf(b)
  if (!p || !q || (p[0] === q[0] && p[1] === q[1])) return false
  const dy = Math.abs(p[1] - q[1])
  const dx = Math.abs(p[0] - q[0])
  return (dy === 0 && dx === 1) || (dy === 1 && dx <= 0.75)
}

function markRuns(
  chars: string[],
  mask: boolean[],
  minLength: number,
  continues: (prev: string, next: string, i: number) => boolean,
): void {
  let start = 0
  for (let i = 1; i <= chars.length; i++) {
    if (i < chars.length && continues(chars[i - 1]!, chars[i]!, i)) continue
    if (i - start >= minLength) mask.fill(true, start, i)
    start = i
  }
}

function isDate(digits: string): boolean {
  const valid = (y: number, m: number, d: number, century: boolean) =>
    m >= 1 && m <= 12 && d >= 1 && d <= 31 && (!century || (y >= 1900 && y <= 2099))
  const n = (from: number, to: number) => Number(digits.slice(from, to))
  if (digits.length === 8)
    return valid(n(0, 4), n(4, 6), n(6, 8), true) || valid(n(4, 8), n(2, 4), n(0, 2), true) || valid(n(4, 8), n(0, 2), n(2, 4), true)
  if (digits.length === 6)
    return valid(0, n(2, 4), n(4, 6), false) || valid(0, n(2, 4), n(0, 2), false) || valid(0, n(0, 2), n(2, 4), false)
  if (digits.length === 4) return valid(0, n(0, 2), n(2, 4), false) || valid(0, n(2, 4), n(0, 2), false)
  return false
}

function markWord(texts: string[], word: string, mask: boolean[]): void {
  for (const text of texts) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      // indexOf counts UTF-16 units; the mask counts code points. Every text here comes from the same code points.
      const from = Array.from(text.slice(0, at)).length
      mask.fill(true, from, from + Array.from(word).length)
    }
  }
}

/**
 * How many characters of a password are not explained by a known pattern: runs of one character,
 * repeated chunks (abcabc), alphabet or digit sequences (abcd, 9876), keyboard walks (qwer, 1qaz,
 * !@#$), years and dates, common passwords inside it (l33t spelling undone), and `extraWords`
 * (the member's email name, the brand). Few characters left means a guessable password.
 * @example unexplainedLength('Qwerty2024!!!') // 0
 */
export function unexplainedLength(password: string, extraWords: readonly string[] = []): number {
  const lower = password.normalize('NFKC').toLowerCase()
  const chars = Array.from(lower)
  const mask = chars.map(() => false)

  markRuns(chars, mask, 3, (a, b) => a === b)
  for (let unit = 2; unit <= 6; unit++) {
    for (let i = 0; i + 2 * unit <= chars.length; i++) {
      if (chars.slice(i, i + unit).join('') === chars.slice(i + unit, i + 2 * unit).join('')) mask.fill(true, i, i + 2 * unit)
    }
  }
  for (const step of [1, -1]) {
    markRuns(chars, mask, 4, (a, b) => /[a-z0-9]/.test(a) && /[a-z0-9]/.test(b) && b.codePointAt(0)! - a.codePointAt(0)! === step)
  }
  markRuns(chars, mask, 4, adjacentKeys)

  for (const match of lower.matchAll(/\d+/g)) {
    const from = Array.from(lower.slice(0, match.index)).length
    const digits = match[0]
    if (isDate(digits)) mask.fill(true, from, from + digits.length)
    for (const year of digits.matchAll(/(?:19|20)\d\d/g)) mask.fill(true, from + year.index, from + year.index + 4)
  }

  const texts = [lower, ...unfoldLeet(lower)]
  for (const word of COMMON_PASSWORDS) if (word.length >= 4) markWord(texts, word, mask)
  for (const word of extraWords) if (word.length >= 3) markWord(texts, word, mask)

  return mask.filter((marked) => !marked).length
}
