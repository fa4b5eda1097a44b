import { describe, expect, it } from 'vitest'

import { compareAndSetThrottleStore, type CounterTable } from './compare-and-set-store'

/** Counters in memory, with a hook that runs just before each write: another process writing in between. */
function table(before: (key: string) => void = () => {}) {
  const rows = new Map<string, { state: unknown; version: number; expiresAt: number }>()
  const writes: string[] = []
  const t: CounterTable = {
    read: async (key) => {
      const row = rows.get(key)
      return row ? { state: row.state, version: row.version } : null
    },
    insert: async (key, state, expiresAt) => {
      before(key)
      writes.push(`insert ${key}`)
      if (rows.has(key)) return false
      rows.set(key, { state, version: 0, expiresAt })
      return true
    },
    replace: async (key, version, state, expiresAt) => {
      before(key)
      writes.push(`replace ${key}@${version}`)
      if (rows.get(key)?.version !== version) return false
      rows.set(key, { state, version: version + 1, expiresAt })
      return true
    },
    remove: async (key, version) => {
      before(key)
      writes.push(`remove ${key}@${version}`)
      if (rows.get(key)?.version !== version) return false
      rows.delete(key)
      return true
    },
  }
  return { t, rows, writes }
}

const now = () => new Date('2026-03-03T10:00:00Z')

describe('compareAndSetThrottleStore', () => {
  it('retries a change that another process overtook, on the state that process left', async () => {
    let interfere = 2
    const { t, rows, writes } = table((key) => {
      // Another process adds 10 just before this one writes, twice.
      const row = rows.get(key)
      if (interfere-- > 0 && row) rows.set(key, { ...row, state: (row.state as number) + 10, version: row.version + 1 })
    })
    rows.set('n', { state: 1, version: 0, expiresAt: 0 })
    await compareAndSetThrottleStore(t, now).update('n', (state) => (state as number) + 1, 60_000)
    expect(rows.get('n')).toEqual({ state: 22, version: 3, expiresAt: now().getTime() + 60_000 })
    expect(writes).toEqual(['replace n@0', 'replace n@1', 'replace n@2'])
  })

  it('inserts a new key once, or counts on the row another process inserted first', async () => {
    const { t, rows, writes } = table((key) => {
      if (!rows.has(key)) rows.set(key, { state: 5, version: 0, expiresAt: 0 })
    })
    await compareAndSetThrottleStore(t, now).update('k', (state) => ((state as number | null) ?? 0) + 1, 1000)
    expect(rows.get('k')?.state).toBe(6)
    expect(writes).toEqual(['insert k', 'replace k@0'])
  })

  it('deletes a key whose change answers null, and writes nothing for a missing key that stays missing', async () => {
    const { t, rows, writes } = table()
    rows.set('gone', { state: 1, version: 4, expiresAt: 0 })
    const store = compareAndSetThrottleStore(t, now)
    await store.update('gone', () => null, 1000)
    await store.update('never', () => undefined, 1000)
    expect([rows.has('gone'), await store.get('never'), writes]).toEqual([false, null, ['remove gone@4']])
  })

  it('gives up after eight overtaken attempts instead of spinning (counting is a defence, not a ledger)', async () => {
    const { t, rows, writes } = table((key) => {
      const row = rows.get(key)!
      rows.set(key, { ...row, version: row.version + 1 })
    })
    rows.set('busy', { state: 0, version: 0, expiresAt: 0 })
    await compareAndSetThrottleStore(t, now).update('busy', () => 1, 1000)
    expect(writes).toHaveLength(8)
  })

  it('applies one process’s changes that wait on one key together, in order, so none of them retries against itself', async () => {
    const { t, rows, writes } = table()
    const store = compareAndSetThrottleStore(t, now)
    const seen: unknown[] = []
    const count = (state: unknown) => {
      seen.push(state)
      return ((state as number | null) ?? 0) + 1
    }
    // The first starts a write at once; the four that arrive while it is under way share the next one.
    await Promise.all(Array.from({ length: 5 }, () => store.update('q', count, 1000)))
    expect(rows.get('q')?.state).toBe(5)
    expect(seen).toEqual([null, 1, 2, 3, 4])
    expect(writes).toEqual(['insert q', 'replace q@0'])
  })

  it('gives each waiting change the failure of the write that carried it, and goes on with the next group', async () => {
    const { t, rows } = table()
    let fail = true
    const failing: CounterTable = {
      ...t,
      insert: async (...args) => {
        if (fail) {
          fail = false
          throw new Error('disk I/O error')
        }
        return t.insert(...args)
      },
    }
    const store = compareAndSetThrottleStore(failing, now)
    const first = store.update('f', () => 1, 1000)
    const second = store.update('f', (state) => ((state as number | null) ?? 0) + 1, 1000)
    await expect(first).rejects.toThrow('disk I/O error')
    await second
    expect(rows.get('f')?.state).toBe(1)
  })
})
