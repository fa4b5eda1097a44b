import type { Client } from '@libsql/client'
import type { Payload } from 'payload'

import { serialize } from '../../functions/concurrency/serialize'
import { createMemoryThrottleStore, type ThrottleStore } from '../../functions/members/throttle'
import { requireSqliteClient, sqliteClient } from '../database'

const ATTEMPTS = 8
const PRUNE_EVERY = 200

type Change = (state: unknown) => unknown

/**
 * The brute-force counters in the shared SQLite file, so that every site process counts against
 * the same limits. Each update is a compare-and-set on the row's version, retried when another
 * process changed it in between (no transaction: libsql's open a connection without the busy
 * timeout); within this process, changes to one key wait their turn. Expired rows are pruned now and then.
 */
export function sqliteThrottleStore(payload: Payload, now: () => Date = () => new Date()): ThrottleStore {
  const client = requireSqliteClient(payload)
  let updates = 0

  const read = async (key: string) => {
    const { rows } = await client.execute({
      sql: 'SELECT state, version, expires_at FROM throttle_counters WHERE counter_key = ?',
      args: [key],
    })
    const row = rows[0]
    if (!row) return null
    const live = Number(row.expires_at) > now().getTime()
    return { state: live && row.state !== null ? (JSON.parse(String(row.state)) as unknown) : null, version: Number(row.version) }
  }

  const compareAndSet = async (key: string, change: Change, ttlMs: number) => {
    if (++updates % PRUNE_EVERY === 0)
      await client.execute({ sql: 'DELETE FROM throttle_counters WHERE expires_at <= ?', args: [now().getTime()] })
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const row = await read(key)
      const next = change(row?.state ?? null)
      const expiresAt = now().getTime() + ttlMs
      const json = next === null || next === undefined ? null : JSON.stringify(next)
      let changed: number
      if (!row) {
        if (json === null) return
        changed = (
          await client.execute({
            sql: 'INSERT INTO throttle_counters (counter_key, state, version, expires_at) VALUES (?, ?, 0, ?) ON CONFLICT (counter_key) DO NOTHING',
            args: [key, json, expiresAt],
          })
        ).rowsAffected
      } else if (json === null) {
        changed = (
          await client.execute({ sql: 'DELETE FROM throttle_counters WHERE counter_key = ? AND version = ?', args: [key, row.version] })
        ).rowsAffected
      } else {
        changed = (
          await client.execute({
            sql: 'UPDATE throttle_counters SET state = ?, version = version + 1, expires_at = ? WHERE counter_key = ? AND version = ?',
            args: [json, expiresAt, key, row.version],
          })
        ).rowsAffected
      }
      if (changed === 1) return
    }
    // Under a storm of changes to one key from many processes: counting is a defence, not a ledger; the next request counts again.
  }

  return {
    get: async (key) => (await read(key))?.state ?? null,
    update: (key, change, ttlMs) => serialize(`throttle:${key}`, () => compareAndSet(key, change, ttlMs)),
  }
}

/** The counters for this database: shared in SQLite; per process elsewhere (MongoDB needs a store of its own, not written yet). */
export function throttleStoreFor(payload: Payload): ThrottleStore {
  return sqliteClient(payload) ? sqliteThrottleStore(payload) : createMemoryThrottleStore({ now: () => new Date() })
}
