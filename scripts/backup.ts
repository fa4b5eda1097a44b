// `npm run backup`: a consistent snapshot of the running product, written to
// `<BACKUP_DIR or DATA_DIR/backups>/<UTC time>.tar.gz` (0600, in a 0700 folder); prints its path.
// The database is copied with SQLite's `VACUUM INTO`, which reads one transaction's view of the file
// while the CMS, the site and the worker keep writing (WAL lets them). On MongoDB the archive holds
// the files only, and mongodump takes the database.
//
// The archive is written by the system's `tar` (GNU tar on Debian) rather than a tar writer of our
// own: it already handles folders, long names and modes, and a restore with any tar just works.
import { execFile } from 'node:child_process'
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { createClient } from '@libsql/client'

import { usesMongo } from '../cms/database'
import { dataDir, privateDir } from '../cms/environment'
import { archiveName, backupPlan, DATABASE_ENTRY } from '../functions/ops/backup'

const run = promisify(execFile)

/** Copies the live SQLite database to `target` as one consistent file (no WAL beside it). */
async function snapshotDatabase(target: string): Promise<void> {
  const client = createClient({ url: `file:${path.join(dataDir, DATABASE_ENTRY)}` })
  try {
    // Same wait as the product's adapter, should a checkpoint hold the file for a moment.
    await client.execute('PRAGMA busy_timeout = 5000')
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
  } finally {
    client.close()
  }
  chmodSync(target, 0o600)
}

async function main(): Promise<string> {
  const backupDir = path.resolve(process.env.BACKUP_DIR || path.join(dataDir, 'backups'))
  privateDir(backupDir)
  const plan = backupPlan({ mongo: usesMongo, present: existsSync(dataDir) ? readdirSync(dataDir) : [] })
  if (plan.database === 'sqlite' && !existsSync(path.join(dataDir, DATABASE_ENTRY))) {
    throw new Error(`There is no database at ${path.join(dataDir, DATABASE_ENTRY)}: check DATA_DIR (the folder the product runs with).`)
  }

  const archive = path.join(backupDir, archiveName(new Date()))
  // Created first, 0600 and exclusively: tar then writes into it, and an earlier backup of the same second is never overwritten.
  closeSync(openSync(archive, 'wx', 0o600))
  const staging = mkdtempSync(path.join(backupDir, '.staging-'))
  try {
    const members = ['-C', dataDir, ...plan.entries]
    if (plan.database === 'sqlite') {
      await snapshotDatabase(path.join(staging, DATABASE_ENTRY))
      members.unshift('-C', staging, DATABASE_ENTRY)
    }
    try {
      await run('tar', ['-czf', archive, ...members])
    } catch (error) {
      // GNU tar's status 1 on --create only means a file changed while it was read (a media upload in
      // progress): the archive is complete, and that file is as it was at some moment of the backup.
      if ((error as { code?: unknown }).code !== 1) throw error
    }
  } catch (error) {
    rmSync(archive, { force: true })
    throw error
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  if (plan.database === 'mongodump') {
    console.error(
      'The database is on MongoDB, so it is not in this archive (media, lead files and the secret are). Back it up with: ' +
        'mongodump --uri="$DATABASE_URI" --archive=<file>.archive.gz --gzip',
    )
  }
  return archive
}

main().then(
  (archive) => console.log(archive),
  (error: unknown) => {
    console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
