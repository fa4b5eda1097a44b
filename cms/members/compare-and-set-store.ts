import type { ThrottleStore } from '../../functions/members/throttle'

const ATTEMPTS = 8

/** A counter as read: its state (null once expired) and the version a compare-and-set must find. */
export interface CounterRow {
  state: unknown
  version: number
}

/** What one database does for compare-and-set counters: each write answers whether it changed the row it read. */
export interface CounterTable {
  read(key: string): Promise<CounterRow | null>
  insert(key: string, state: unknown, expiresAt: number): Promise<boolean>
  replace(key: string, version: number, state: unknown, expiresAt: number): Promise<boolean>
  remove(key: string, version: number): Promise<boolean>
}

interface Waiting {
  change: (state: unknown) => unknown
  ttlMs: number
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * A ThrottleStore on a table of versioned counters. Each write reads the row, computes the new
 * state and writes it only if the version is still the one read, retried when another process
 * changed it in between. Within this process, the changes to one key that wait while a write is
 * under way are applied together, in arrival order, by the next read and write: a burst from one
 * address (an office, a mobile carrier's NAT) costs one round trip per group instead of a queue of
 * round trips that every request of the burst waits behind.
 */
export function compareAndSetThrottleStore(table: CounterTable, now: () => Date): ThrottleStore {
  const waiting = new Map<string, Waiting[]>()

  const compareAndSet = async (key: string, group: Waiting[]) => {
    const ttlMs = Math.max(...group.map((w) => w.ttlMs))
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const row = await table.read(key)
      // Every change sees the state the one before it left, as if each had been written alone.
      const next = group.reduce((state: unknown, w) => w.change(state ?? null), row?.state ?? null)
      const expiresAt = now().getTime() + ttlMs
      const gone = next === null || next === undefined
      if (!row && gone) return
      const changed = !row
        ? await table.insert(key, next, expiresAt)
        : gone
          ? await table.remove(key, row.version)
          : await table.replace(key, row.version, next, expiresAt)
      if (changed) return
    }
    // Under a storm of changes to one key from many processes: counting is a defence, not a ledger; the next request counts again.
  }

  const drain = async (key: string) => {
    for (let group = waiting.get(key)!; group.length; group = waiting.get(key)!) {
      waiting.set(key, [])
      await compareAndSet(key, group).then(
        () => group.forEach((w) => w.resolve()),
        (error: unknown) => group.forEach((w) => w.reject(error)),
      )
    }
    waiting.delete(key)
  }

  return {
    get: async (key) => (await table.read(key))?.state ?? null,
    update: (key, change, ttlMs) =>
      new Promise<void>((resolve, reject) => {
        const queue = waiting.get(key)
        if (queue) return void queue.push({ change, ttlMs, resolve, reject })
        waiting.set(key, [{ change, ttlMs, resolve, reject }])
        void drain(key)
      }),
  }
}
