import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { Payload } from 'payload'
import { vi } from 'vitest'

// Types only at run time (no config, no DATA_DIR read): safe to import before a test sets DATA_DIR.
import { isMongooseAdapter } from '../../cms/mongo/collection'
import { startPayload } from './payload'

/** A database the store contracts run on. */
export type Database = 'sqlite' | 'mongodb'

const mongoUri = process.env.MONGODB_URI

/**
 * SQLite always (a fresh file), and MongoDB too when `MONGODB_URI` names a server. No MongoDB
 * server can run on this machine; wherever one does, the same tests run against it.
 */
export const DATABASES: readonly Database[] = mongoUri ? ['sqlite', 'mongodb'] : ['sqlite']

/** Says, once per test file, that the MongoDB runs were left out and why (not a skipped test: they were never declared). */
export function reportLeftOutDatabases(): void {
  if (!mongoUri)
    console.info(
      'MongoDB runs left out: MONGODB_URI is not set (set it to a mongodb:// server to run these store contracts on MongoDB too).',
    )
}

/**
 * A real Payload on the given database for one test file: a fresh SQLite file, or a fresh database
 * named brand_site_test_<random> on the MONGODB_URI server, dropped at cleanup (each with a
 * temporary DATA_DIR). Payload's config
 * reads DATABASE_URI once, at import, so MongoDB gets a config of its own (modules imported anew)
 * and a Payload of its own (getPayload's key).
 */
export async function startPayloadOn(database: Database): Promise<{ payload: Payload; cleanup: () => Promise<void> }> {
  if (database === 'sqlite') return startPayload()
  if (!mongoUri) throw new Error('MONGODB_URI is not set.')
  const url = new URL(mongoUri)
  url.pathname = `/brand_site_test_${randomBytes(6).toString('hex')}`
  const before = { DATABASE_URI: process.env.DATABASE_URI, DATA_DIR: process.env.DATA_DIR }
  const dir = mkdtempSync(path.join(tmpdir(), 'brand-site-test-'))
  process.env.DATABASE_URI = url.toString()
  process.env.DATA_DIR = dir
  process.env.PAYLOAD_SECRET ??= 'integration-test-secret'
  vi.resetModules()
  try {
    const { getPayload } = await import('payload')
    const { default: config } = await import('../../cms/payload.config')
    const payload = await getPayload({ config, key: url.pathname })
    return {
      payload,
      cleanup: async () => {
        await mongooseOf(payload).connection.dropDatabase()
        await payload.destroy()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  } finally {
    // Whatever else runs in this file keeps the database and folder it had.
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

/** Payload's MongoDB adapter (its mongoose connection and models), for a Payload started on MongoDB. */
export function mongooseOf(payload: Payload): MongooseAdapter {
  if (!isMongooseAdapter(payload.db)) throw new Error(`Payload is not on MongoDB (the database adapter is ${payload.db.packageName}).`)
  return payload.db
}
