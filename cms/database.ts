import path from 'node:path'

import { type Client, createClient } from '@libsql/client'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { type SQLiteAdapter, sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapter, DatabaseAdapterObj, Payload } from 'payload'

import { dataDir, prepareDataDir } from './environment'
import { groupCommit } from './group-commit'
import { migrations } from './migrations'
import { forwardedWriter, type Write, writesViaPrimary } from './shared-writes'

/** True when `DATABASE_URI` names a MongoDB server, the production database. */
export const usesMongo = /^mongodb(\+srv)?:\/\//.test(process.env.DATABASE_URI ?? '')

/** True when Payload runs on its SQLite adapter: narrows `payload.db` to it (its client, its table names). */
export function isSqliteAdapter(db: DatabaseAdapter | SQLiteAdapter): db is SQLiteAdapter {
  return db.packageName === '@payloadcms/db-sqlite'
}

/**
 * The raw client of the embedded SQLite file under Payload's adapter, or null on any other
 * database: the stores use it where a guarantee needs one statement or one transaction, and fall
 * back to the Local API when it is null. The one place that knows how to reach it.
 */
export function sqliteClient(payload: Payload): Client | null {
  return isSqliteAdapter(payload.db) ? payload.db.client : null
}

/** Payload's SQLite adapter (its client, its table names, its file), for a store that exists only on SQLite. */
export function requireSqliteAdapter(payload: Payload): SQLiteAdapter {
  if (!isSqliteAdapter(payload.db)) throw new Error('This store needs the embedded SQLite database.')
  return payload.db
}

/** The raw SQLite client, for a store that exists only on SQLite (its caller chose it by sqliteClient). */
export function requireSqliteClient(payload: Payload): Client {
  return requireSqliteAdapter(payload).client
}

const countersClients = new WeakMap<Payload, Promise<Client>>()

/**
 * A second connection to the same SQLite file, for rows that a power cut may lose without harm:
 * the throttle counters. It commits with `synchronous = NORMAL` (in WAL mode: consistent after a
 * crash, no fsync per commit), while Payload's connection keeps `FULL` for leads and jobs. Intake
 * writes two counters per submission, and their fsyncs were half of its database time in a burst.
 * Every use is one statement or one batch, each run to its end synchronously (libsql), so it never
 * waits on a lock this thread holds.
 */
export function countersClient(payload: Payload): Promise<Client> {
  let client = countersClients.get(payload)
  if (!client) {
    const { url } = requireSqliteAdapter(payload).clientConfig
    client = (async () => {
      const counters = createClient({ url })
      await counters.execute('PRAGMA busy_timeout = 5000')
      await counters.execute('PRAGMA synchronous = NORMAL')
      return counters
    })()
    countersClients.set(payload, client)
  }
  return client
}

/**
 * How this process stores a write of the SQLite file that must be kept (leads, submissions, their
 * jobs, activity): in a site process whose primary writes for every site process, there
 * (cms/shared-writes.ts); elsewhere in this process's own group commit on Payload's connection.
 */
export function sqliteWrites(payload: Payload): Write {
  const { client, clientConfig } = requireSqliteAdapter(payload)
  return writesViaPrimary() ? forwardedWriter(clientConfig.url) : groupCommit(client)
}

/**
 * How this process writes the throttle counters: through the primary like every other write when it
 * writes for the site processes (one transaction for both, so no second lock to wait for), else on
 * the counters connection, without an fsync per commit.
 */
export async function counterWrites(payload: Payload): Promise<Write> {
  return writesViaPrimary() ? sqliteWrites(payload) : groupCommit(await countersClient(payload))
}

/**
 * The jobs worker's commits skip the fsync (WAL with `synchronous = NORMAL`: the file stays
 * consistent through a power cut, which may undo the last transactions). Nothing the worker writes
 * is the only record of anything: a job marked done that a power cut undoes runs again, and its
 * email or webhook carries the same idempotency key, so nothing is sent twice. The site and the
 * CMS keep `FULL`: they acknowledge what visitors and editors send. While the worker sends a
 * burst's emails it commits thousands of times, and each of those fsyncs held the write lock the
 * site's intake waited for (SQLite's busy wait blocks the site's event loop).
 */
export async function relaxWorkerCommits(payload: Payload): Promise<void> {
  await sqliteClient(payload)?.execute('PRAGMA synchronous = NORMAL')
}

/** Applies the committed migrations that have not run yet (SQLite); MongoDB needs none. */
export async function migrateDatabase(payload: Payload): Promise<void> {
  if (!usesMongo) await payload.db.migrate({ migrations: migrations as never })
}

/**
 * The database adapter: MongoDB when `DATABASE_URI` is a mongodb:// URI, otherwise an embedded
 * SQLite file under `data/` so that a new install needs no server.
 */
export function databaseAdapter(): DatabaseAdapterObj {
  prepareDataDir({ sqlite: !usesMongo })
  if (usesMongo) return mongooseAdapter({ url: process.env.DATABASE_URI as string })
  return sqliteAdapter({
    client: { url: `file:${path.join(dataDir, 'site.db')}` },
    // The CMS and the site are two processes on one file: WAL lets readers and the writer
    // overlap, and the busy timeout makes a writer wait instead of failing with SQLITE_BUSY.
    wal: true,
    busyTimeout: 5000,
    // Transactions stay off (no transactionOptions): libsql opens a fresh connection for each
    // one, without the busy timeout, and those fail under concurrent writes.
    // One way to a schema everywhere (dev, tests, production): the committed migrations, never
    // Payload's dev-only schema push, which would leave a database that migrations then refuse.
    push: false,
    migrationDir: path.resolve(process.cwd(), 'cms/migrations'),
    prodMigrations: migrations,
  })
}
