import type { Payload } from 'payload'

import type { ThrottleStore } from '../../functions/members/throttle'
import { countersClient, counterWrites, requireSqliteClient, sqliteClient } from '../database'
import { isMongo } from '../mongo/collection'
import { compareAndSetThrottleStore } from './compare-and-set-store'
import { mongoThrottleStore } from './mongo-throttle-store'

const PRUNE_EVERY = 200

/**
 * The brute-force counters in the shared SQLite file, so that every site process counts against
 * the same limits: a compare-and-set on the row's version in one statement each, on the file's
 * counters connection (cms/database.ts: no fsync per commit), or through the site's primary with
 * every other write (cms/shared-writes.ts). Expired rows are pruned now and then.
 * The compare-and-sets of one turn of the event loop share one transaction (cms/group-commit.ts):
 * a burst's submissions each count twice (per address and per person), and as one write lock each
 * those counts were most of the time a site process spent waiting on the other processes' writes.
 * A compare-and-set that finds the row changed is no error in the group: it answers "not changed",
 * and the store reads and tries again.
 */
export function sqliteThrottleStore(payload: Payload, now: () => Date = () => new Date()): ThrottleStore {
  requireSqliteClient(payload)
  const execute = async (sql: string, args: (string | number)[]) => (await countersClient(payload)).execute({ sql, args })
  const write = async (sql: string, args: (string | number)[]) => (await (await counterWrites(payload))([{ sql, args }]))[0]!
  let writes = 0
  const changed = async (sql: string, args: (string | number)[]) => {
    if (++writes % PRUNE_EVERY === 0) await write('DELETE FROM throttle_counters WHERE expires_at <= ?', [now().getTime()])
    return (await write(sql, args)).rowsAffected === 1
  }
  return compareAndSetThrottleStore(
    {
      async read(key) {
        const { rows } = await execute('SELECT state, version, expires_at FROM throttle_counters WHERE counter_key = ?', [key])
        const row = rows[0]
        if (!row) return null
        const live = Number(row.expires_at) > now().getTime()
        return { state: live && row.state !== null ? (JSON.parse(String(row.state)) as unknown) : null, version: Number(row.version) }
      },
      insert: (key, state, expiresAt) =>
        changed(
          'INSERT INTO throttle_counters (counter_key, state, version, expires_at) VALUES (?, ?, 0, ?) ' +
            'ON CONFLICT (counter_key) DO NOTHING',
          [key, JSON.stringify(state), expiresAt],
        ),
      replace: (key, version, state, expiresAt) =>
        changed('UPDATE throttle_counters SET state = ?, version = version + 1, expires_at = ? WHERE counter_key = ? AND version = ?', [
          JSON.stringify(state),
          expiresAt,
          key,
          version,
        ]),
      remove: (key, version) => changed('DELETE FROM throttle_counters WHERE counter_key = ? AND version = ?', [key, version]),
    },
    now,
  )
}

/**
 * The counters for this database, shared by every process on it: SQL on SQLite, atomic updates on
 * MongoDB. Any other database fails here, at start: counters kept per process would let each site
 * process allow the whole limit, and nobody would notice.
 */
export function throttleStoreFor(payload: Payload, now: () => Date = () => new Date()): ThrottleStore {
  if (sqliteClient(payload)) return sqliteThrottleStore(payload, now)
  if (isMongo(payload)) return mongoThrottleStore(payload, now)
  throw new Error(
    `No shared throttle store for the database adapter ${payload.db.packageName}: ` +
      'sign-in limits would be counted per process. Use SQLite or MongoDB.',
  )
}
