// Importing subscribers from a CSV (a trade-show sign-up sheet, a list from the old newsletter tool):
// what each line asks for, and what the consent log may do with it. An import never overrides a
// person's own "unsubscribe", and never creates an account: the person's lead gets the consent.
import { parseCsv } from '../lead-intake/csv'
import { isEmail, normalizeEmail } from '../lead-intake/normalize'
import { type ConsentEntry, currentConsents, NEWSLETTER } from './consent-log'

/** The most lines one import takes; a larger list is split by whoever has it. */
export const MAX_IMPORT_ROWS = 50_000

const TOPIC = /^[a-z0-9][a-z0-9-]{0,63}$/
const LANGUAGES = new Set(['zh-CN', 'en'])

/** One line of the file that can be imported. */
export interface ImportRow {
  line: number
  email: string
  name: string | null
  language: string | null
  topics: string[]
}

/** A line refused, with the column and the reason in words an admin can act on. */
export interface ImportProblem {
  line: number
  field: string
  message: string
}

/**
 * The rows of a subscriber CSV: a header with `email` (required) and any of `name`, `language`
 * (zh-CN or en) and `topics` (slugs of `known` topics separated by ";" or "|"; the newsletter when
 * empty). A line repeating an address already read is a problem, so the count is what is imported.
 * @example readImportRows('email,topics\r\nli@example.com,newsletter;offers\r\n', new Set(['newsletter', 'offers']))
 */
export function readImportRows(
  text: string,
  known: ReadonlySet<string>,
): { rows: ImportRow[]; problems: ImportProblem[] } | { refused: string } {
  const [header, ...lines] = parseCsv(text)
  const columns = (header ?? []).map((h) => h.trim().toLowerCase())
  const at = (name: string) => columns.indexOf(name)
  if (at('email') < 0) return { refused: 'The first line must name the columns, with one called "email".' }
  if (lines.length > MAX_IMPORT_ROWS) return { refused: `The file has ${lines.length} lines; one import takes at most ${MAX_IMPORT_ROWS}.` }
  const rows: ImportRow[] = []
  const problems: ImportProblem[] = []
  const seen = new Set<string>()
  lines.forEach((cells, i) => {
    const line = i + 2
    const cell = (name: string) => (at(name) >= 0 ? (cells[at(name)] ?? '').trim() : '')
    if (cells.every((c) => c.trim() === '')) return
    const email = normalizeEmail(cell('email'))
    const language = cell('language') || null
    const topics = cell('topics')
      .split(/[;|]/)
      .map((t) => t.trim())
      .filter(Boolean)
    const bad = (field: string, message: string) => problems.push({ line, field, message })
    if (!isEmail(email)) return bad('email', 'Not an email address.')
    if (seen.has(email)) return bad('email', 'This address is on an earlier line.')
    if (language && !LANGUAGES.has(language)) return bad('language', 'Use zh-CN or en, or leave it empty.')
    const wrong = topics.find((t) => !TOPIC.test(t))
    if (wrong) return bad('topics', `"${wrong.slice(0, 40)}" is not a topic slug (lower-case letters, digits and hyphens).`)
    const unknown = topics.find((t) => !known.has(t))
    if (unknown) return bad('topics', `There is no topic "${unknown}"; add it under Topics first.`)
    seen.add(email)
    rows.push({ line, email, name: cell('name').slice(0, 200) || null, language, topics: topics.length ? topics : [NEWSLETTER] })
  })
  return { rows, problems }
}

/**
 * The consent entries an imported line adds to a person's log: one per topic they are not subscribed
 * to yet, except topics they left themselves, which stay left (answered as `kept`).
 * @example importEntries(log, ['newsletter'], now) // { entries: [{ topic: 'newsletter', subscribed: true, source: 'import', … }],
 *   kept: [] }
 */
export function importEntries(
  log: readonly ConsentEntry[],
  topics: readonly string[],
  { now, note }: { now: Date; note: string },
): { entries: ConsentEntry[]; kept: string[] } {
  const current = currentConsents(log)
  const entries: ConsentEntry[] = []
  const kept: string[] = []
  for (const topic of topics) {
    const state = current.get(topic)
    if (state?.subscribed) continue
    if (state && !state.subscribed) kept.push(topic)
    else entries.push({ topic, subscribed: true, source: 'import', at: now.toISOString(), note })
  }
  return { entries, kept }
}
