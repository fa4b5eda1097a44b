import { randomBytes } from 'node:crypto'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Where the product keeps its files: the SQLite database, uploaded media and the generated secret.
 * `DATA_DIR` overrides it (tests use a temporary one); by default it is `data/` in the working directory.
 */
export const dataDir = path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || path.join(process.cwd(), 'data'))

/** The folder uploaded media files are written to and served from. */
export const mediaDir = path.join(dataDir, 'media')
/** The search index of each locale (`<locale>.json`), written by the rebuild job, read by the site. */
export const searchDir = path.join(dataDir, 'search')
/** Files attached to submissions: outside the public media folder, read only through the CMS. */
export const leadFilesDir = path.join(dataDir, 'lead-files')

/** The public address of the brand site, used for preview links and absolute URLs. */
export const siteUrl = (process.env.SITE_URL || `http://localhost:${process.env.SITE_PORT || 4321}`).replace(/\/$/, '')

/** The public address of the CMS (admin and REST API). */
export const cmsUrl = (process.env.CMS_URL || `http://localhost:${process.env.CMS_PORT || 3000}`).replace(/\/$/, '')

/**
 * The secret Payload signs tokens with. `PAYLOAD_SECRET` wins; otherwise one is generated on first
 * use and kept in `data/.secret`, so that a new install needs no configuration and has no default secret.
 */
export function payloadSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  // Read once per process: every hashed address and signed link asks for it (a file read each
  // time was a tenth of lead intake's time in a burst).
  return (storedSecret ??= readOrCreateSecret(path.join(dataDir, '.secret')))
}

let storedSecret: string | undefined

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  privateDir(dataDir)
  const secret = randomBytes(32).toString('hex')
  // 'wx' fails if another process wrote the file first; then read theirs so both agree.
  try {
    writeFileSync(file, secret, { flag: 'wx', mode: 0o600 })
    return secret
  } catch {
    return readFileSync(file, 'utf8').trim()
  }
}

/** A folder only this account may enter (0700), created if missing and tightened if it exists. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
}

/** A file only this account may read (0600), created empty if missing and tightened if it exists. */
export function privateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600))
  chmodSync(file, 0o600)
}

/**
 * Makes the data folder private before anything writes to it: the database, the secret, media and
 * lead files are nobody else's on a shared machine. With `sqlite`, the database file (and any WAL
 * left from before) is 0600; SQLite gives the WAL and shared-memory files its database's mode.
 */
export function prepareDataDir({ sqlite }: { sqlite: boolean }): void {
  for (const dir of [dataDir, mediaDir, leadFilesDir, searchDir]) privateDir(dir)
  if (!sqlite) return
  privateFile(path.join(dataDir, 'site.db'))
  for (const extra of ['site.db-wal', 'site.db-shm']) if (existsSync(path.join(dataDir, extra))) chmodSync(path.join(dataDir, extra), 0o600)
}
