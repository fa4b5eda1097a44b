/** A rendered page as the cache keeps it. */
export interface CachedPage {
  status: number
  headers: [string, string][]
  /** Encoded once when cached, so serving a hit copies bytes instead of encoding text. */
  body: Uint8Array
  /** The anonymous version of a members-only document: never served to a request with a member cookie. */
  gated?: boolean
}

export interface PageCacheOptions {
  /** Reads the content stamp from the database; it changes whenever published content changes. */
  readStamp: () => Promise<string | null>
  /** Milliseconds since the epoch; a parameter so tests control time. */
  now?: () => number
  /** The stamp is read at most this often: the bound on how long a published change can stay unseen. */
  checkEveryMs?: number
  /** Oldest entries are dropped past this many, so a crawler walking every URL cannot grow memory without end. */
  maxEntries?: number
}

/** The page cache of one site process; see createPageCache. */
export interface PageCache<Page = CachedPage> {
  /** Re-reads the stamp if the last read is older than checkEveryMs, and empties the cache if it changed. */
  refresh(): Promise<string | null>
  get(key: string): Page | undefined
  /** Keeps a page rendered from content at `stamp`; a page rendered before the latest change is dropped. */
  set(key: string, page: Page, stamp: string | null): void
  readonly stamp: string | null
  readonly size: number
}

/**
 * Rendered HTML kept in memory, valid while the content stamp in the database stays the same.
 * Each site process checks the stamp itself, so any number of processes stay correct without the
 * CMS knowing about them.
 * @example const cache = createPageCache({ readStamp: () => cms.contentStamp() })
 */
export function createPageCache<Page = CachedPage>({
  readStamp,
  now = Date.now,
  checkEveryMs = 1000,
  maxEntries = 2000,
}: PageCacheOptions): PageCache<Page> {
  const entries = new Map<string, Page>()
  let stamp: string | null = null
  let checkedAt = Number.NEGATIVE_INFINITY
  let checking: Promise<string | null> | null = null

  async function check(): Promise<string | null> {
    const read = await readStamp()
    checkedAt = now()
    if (read !== stamp) {
      entries.clear()
      stamp = read
    }
    return stamp
  }

  return {
    async refresh() {
      if (now() - checkedAt < checkEveryMs) return stamp
      // Requests arriving during one read share it instead of each querying the database.
      checking ??= check().finally(() => {
        checking = null
      })
      return checking
    },
    get(key) {
      return entries.get(key)
    },
    set(key, page, renderedAt) {
      if (renderedAt !== stamp) return
      if (entries.size >= maxEntries && !entries.has(key)) {
        const oldest = entries.keys().next().value
        if (oldest !== undefined) entries.delete(oldest)
      }
      entries.set(key, page)
    },
    get stamp() {
      return stamp
    },
    get size() {
      return entries.size
    },
  }
}
