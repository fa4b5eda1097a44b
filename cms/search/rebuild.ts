// Builds each locale's search index from what an anonymous visitor may read, and writes it where
// every site process finds it (data/search/<locale>.json).
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { type Locale, LOCALE_CODES } from '../../functions/content/locales'
import { buildIndex, pageSearchDoc, postSearchDoc } from '../../functions/search'
import { searchDir } from '../environment'

/** Where the index of `locale` is kept. */
export function searchIndexFile(locale: string): string {
  return path.join(searchDir, `${locale}.json`)
}

/** True when some locale has no index file yet (a new install, or a data folder from before search). */
export function searchIndexMissing(): boolean {
  return LOCALE_CODES.some((locale) => !existsSync(searchIndexFile(locale)))
}

async function publicDocs(payload: Payload, locale: Locale) {
  // As a visitor reads: overrideAccess false with no user applies the collections' read rules,
  // so a draft can never reach the public index through a mistake in this query.
  const options = { locale, fallbackLocale: false as const, overrideAccess: false, user: null, draft: false, pagination: false as const }
  const [pages, posts] = await Promise.all([
    payload.find({ collection: 'pages', depth: 0, ...options }),
    payload.find({ collection: 'posts', depth: 1, ...options }),
  ])
  return [
    ...pages.docs.map((page) => pageSearchDoc(page as Parameters<typeof pageSearchDoc>[0])),
    ...posts.docs.map((post) => postSearchDoc(post as Parameters<typeof postSearchDoc>[0])),
  ]
}

/**
 * Rebuilds the search index of every locale; returns how many documents each holds.
 * Each file is replaced whole (write, then rename), so a site process never reads half of one.
 */
export async function rebuildSearchIndexes(payload: Payload): Promise<Record<string, number>> {
  await mkdir(searchDir, { recursive: true })
  const counts: Record<string, number> = {}
  for (const locale of LOCALE_CODES) {
    const index = buildIndex(await publicDocs(payload, locale), locale)
    const file = searchIndexFile(locale)
    // A name of its own: two rebuilds may run at once (the worker's start and a queued job).
    const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
    await writeFile(temporary, JSON.stringify(index))
    await rename(temporary, file)
    counts[locale] = index.docs.length
  }
  return counts
}
