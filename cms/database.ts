import path from 'node:path'

import type { Client } from '@libsql/client'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Payload } from 'payload'

import { dataDir, prepareDataDir } from './environment'
import { migrations } from './migrations'

/** True when `DATABASE_URI` names a MongoDB server, the production database. */
export const usesMongo = /^mongodb(\+srv)?:\/\//.test(process.env.DATABASE_URI ?? '')

/**
 * The raw client of the embedded SQLite file under Payload's adapter, or null on any other
 * database: the stores use it where a guarantee needs one statement or one transaction, and fall
 * back to the Local API when it is null. The one place that knows how to reach it.
 */
export function sqliteClient(payload: Payload): Client | null {
  return payload.db.packageName === '@payloadcms/db-sqlite' ? (payload.db as unknown as { client: Client }).client : null
}

/** The raw SQLite client, for a store that exists only on SQLite (its caller chose it by sqliteClient). */
export function requireSqliteClient(payload: Payload): Client {
  const client = sqliteClient(payload)
  if (!client) throw new Error('This store needs the embedded SQLite database.')
  return client
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
