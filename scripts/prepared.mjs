// Whether the database is ready as it is: the check `npm start` makes before running the seed script,
// which loads all of Payload (10 s and more) only to find nothing to do on an unchanged install.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

import { root } from './lib.mjs'

/**
 * True when the embedded SQLite file has every committed migration applied and an admin: the seed
 * script (migrations, first admin, demo brand on an empty database) would do nothing. MongoDB and
 * anything unexpected answer false, and the seed script runs as before.
 * @param {NodeJS.ProcessEnv & { DATA_DIR: string }} env
 */
export async function databaseReady(env) {
  if (env.DATABASE_URI) return false
  const file = path.join(env.DATA_DIR, 'site.db')
  if (!existsSync(file)) return false
  const committed = readdirSync(path.join(root, 'cms/migrations'))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.slice(0, -3))
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: `file:${file}` })
  try {
    const applied = new Set((await client.execute('SELECT name FROM payload_migrations')).rows.map((row) => String(row.name)))
    const admins = await client.execute(`SELECT 1 FROM users WHERE role = 'admin' LIMIT 1`)
    return committed.every((name) => applied.has(name)) && admins.rows.length > 0
  } catch {
    // A table missing or a file another version wrote: let the seed script sort it out.
    return false
  } finally {
    client.close()
  }
}
