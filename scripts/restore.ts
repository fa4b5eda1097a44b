// `npm run restore -- <file>`: unpacks an archive written by `npm run backup` into DATA_DIR, which
// must be empty (or not exist yet): a restore never overwrites a live data folder.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { usesMongo } from '../cms/database'
import { dataDir, prepareDataDir } from '../cms/environment'
import { archiveProblem, DATABASE_ENTRY, restoreRefusal } from '../functions/ops/backup'

const run = promisify(execFile)

async function main(): Promise<string> {
  const [file, ...rest] = process.argv.slice(2)
  if (!file || rest.length > 0) throw new Error('Usage: npm run restore -- <backup .tar.gz>')
  const archive = path.resolve(file)
  if (!existsSync(archive)) throw new Error(`There is no file at ${archive}.`)

  const refusal = restoreRefusal(dataDir, existsSync(dataDir) ? readdirSync(dataDir) : [])
  if (refusal) throw new Error(refusal)
  const { stdout } = await run('tar', ['-tzf', archive], { maxBuffer: 256 * 1024 * 1024 })
  const listing = stdout.split('\n').filter(Boolean)
  const problem = archiveProblem(listing)
  if (problem) throw new Error(problem)

  prepareDataDir({ sqlite: false })
  // The umask keeps every restored file to this account (0600, folders 0700), whatever modes the archive carries.
  process.umask(0o077)
  await run('tar', ['-xzf', archive, '-C', dataDir, '--no-same-owner', '--no-same-permissions'])
  prepareDataDir({ sqlite: listing.includes(DATABASE_ENTRY) })

  if (usesMongo)
    console.error(
      'DATABASE_URI is MongoDB: the files are back; restore the database with: ' +
        'mongorestore --uri="$DATABASE_URI" --archive=<file>.archive.gz --gzip --drop',
    )
  else if (!listing.includes(DATABASE_ENTRY))
    console.error('This archive holds no SQLite database (it was taken on MongoDB): restore the database with mongorestore.')
  return `Restored ${archive} into ${dataDir}. Start the product with DATA_DIR=${dataDir}.`
}

main().then(
  (message) => console.log(message),
  (error: unknown) => {
    console.error(`Nothing was restored: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
