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

/**
 * A ThrottleStore on a table of versioned counters. Each update reads the row, computes the new
 * state and writes it only if the version is still the one read, retried when another process
 * changed it in between; within this process, changes to one key wait their turn, so retries are
 * spent only on other processes.
 */
export function compareAndSetThrottleStore(table: CounterTable, now: () => Date): ThrottleStore {
  const queues = new Map<string, Promise<void>>()
  const compareAndSet = async (key: string, change: (state: unknown) => unknown, ttlMs: number) => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const row = await table.read(key)
      const next = change(row?.state ?? null)
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
  return {
    get: async (key) => (await table.read(key))?.state ?? null,
    update(key, change, ttlMs) {
      const mine = (queues.get(key) ?? Promise.resolve()).then(() => compareAndSet(key, change, ttlMs))
      // The caller gets this update's own failure; the next one in line waits for it either way.
      const settled = mine.catch(() => {})
      queues.set(key, settled)
      void settled.then(() => {
        if (queues.get(key) === settled) queues.delete(key)
      })
      return mine
    },
  }
}
