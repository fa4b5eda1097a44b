// The search indexes of this site process: read from the files the rebuild job writes
// (cms/search/rebuild.ts), and read again when a file changes.
import { readFile, stat } from 'node:fs/promises'

import { searchIndexFile } from '../../cms/search/rebuild'
import { localizedHref } from '../../functions/content/paths'
import { compactIndex, loadIndex, type SearchIndex, searchIndex, type SearchPage } from '../../functions/search'

interface Loaded {
  /** The file's modification time and size when read: a change of either means a new index. */
  version: string
  index: SearchIndex
  /** The as-you-type index as sent, per default locale (URLs depend on it); made on first request. */
  compact: Map<string, string>
}

const loaded = new Map<string, Loaded>()
const checkedAt = new Map<string, number>()
const reading = new Map<string, Promise<Loaded | null>>()
/** Files are checked at most this often; a rebuilt index shows within this time after it is written. */
const CHECK_EVERY_MS = 1000

async function read(locale: string): Promise<Loaded | null> {
  const file = searchIndexFile(locale)
  let version: string
  try {
    const info = await stat(file)
    version = `${info.mtimeMs}:${info.size}`
  } catch {
    // Not built yet (the jobs worker builds it at start and after each publish).
    return null
  }
  const known = loaded.get(locale)
  if (known?.version === version) return known
  try {
    const fresh: Loaded = { version, index: loadIndex(JSON.parse(await readFile(file, 'utf8'))), compact: new Map() }
    loaded.set(locale, fresh)
    return fresh
  } catch (error) {
    // A damaged or older file: keep answering from the index already in memory, if any, until the next rebuild.
    console.error(`Search index ${file} could not be read:`, error instanceof Error ? error.message : error)
    return known ?? null
  }
}

async function current(locale: string): Promise<Loaded | null> {
  const now = Date.now()
  if (now - (checkedAt.get(locale) ?? Number.NEGATIVE_INFINITY) < CHECK_EVERY_MS) return loaded.get(locale) ?? null
  let pending = reading.get(locale)
  if (!pending) {
    pending = read(locale).finally(() => {
      checkedAt.set(locale, Date.now())
      reading.delete(locale)
    })
    reading.set(locale, pending)
  }
  return pending
}

/** One page of results for `query` in `locale`, with URLs as the site serves them; null while no index exists. */
export async function searchSite(
  locale: string,
  defaultLocale: string,
  query: string,
  page: number,
  perPage: number,
): Promise<SearchPage | null> {
  const index = (await current(locale))?.index
  if (!index) return null
  const found = searchIndex(index, query, { page, perPage })
  return { ...found, results: found.results.map((r) => ({ ...r, path: localizedHref(r.path, locale, defaultLocale) })) }
}

/** The as-you-type index of `locale` as JSON, with the time it was built; null while no index exists. */
export async function compactSearchIndex(locale: string, defaultLocale: string): Promise<{ json: string; builtAt: string } | null> {
  const entry = await current(locale)
  if (!entry) return null
  let json = entry.compact.get(defaultLocale)
  if (json === undefined) {
    json = JSON.stringify(compactIndex(entry.index, (path) => localizedHref(path, locale, defaultLocale)))
    entry.compact.set(defaultLocale, json)
  }
  return { json, builtAt: entry.index.builtAt }
}
