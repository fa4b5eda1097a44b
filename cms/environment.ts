import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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
  const file = path.join(dataDir, '.secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  // 'wx' fails if another process wrote the file first; then read theirs so both agree.
  try {
    writeFileSync(file, secret, { flag: 'wx', mode: 0o600 })
    return secret
  } catch {
    return readFileSync(file, 'utf8').trim()
  }
}
