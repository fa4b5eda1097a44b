// Issue 11, item 13: the data folder holds the database, the secret, media and lead files. Other
// accounts on the machine read none of it: the folders are 0700, the database and uploads 0600.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let payload: Payload
let root: string
let dataDir: string
let previousUmask: number

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8)

beforeAll(async () => {
  // The usual umask, under which a plain mkdir gives 0755 and a plain file 0644.
  previousUmask = process.umask(0o022)
  root = mkdtempSync(path.join(tmpdir(), 'brand-site-perms-'))
  dataDir = path.join(root, 'data')
  process.env.DATA_DIR = dataDir
  process.env.PAYLOAD_SECRET = 'integration-test-secret'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../cms/payload.config')
  payload = await getPayload({ config })
  await (await import('../../cms/database')).migrateDatabase(payload)
})
afterAll(async () => {
  await payload?.destroy()
  process.umask(previousUmask)
  rmSync(root, { recursive: true, force: true })
})

describe('the data folder is private to the account that runs the product', () => {
  it('creates the folder 0700 and the database 0600 (its WAL too)', () => {
    expect(modeOf(dataDir)).toBe('700')
    expect(modeOf(path.join(dataDir, 'site.db'))).toBe('600')
    expect(modeOf(path.join(dataDir, 'site.db-wal'))).toBe('600')
  })

  it('writes uploaded media 0600 in a 0700 folder', async () => {
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#c8102e' } })
      .png()
      .toBuffer()
    const media = await payload.create({
      collection: 'media',
      data: { alt: 'red' },
      file: { data: png, name: 'red.png', mimetype: 'image/png', size: png.length },
    })
    const mediaDir = path.join(dataDir, 'media')
    expect(modeOf(mediaDir)).toBe('700')
    const files = [media.filename, ...Object.values(media.sizes ?? {}).map((s) => (s as { filename?: string | null })?.filename)].filter(
      (f): f is string => Boolean(f),
    )
    expect(files.length).toBeGreaterThan(1)
    expect(files.map((f) => [f, modeOf(path.join(mediaDir, f))])).toEqual(files.map((f) => [f, '600']))
  })

  it('writes lead files 0600 in a 0700 folder', async () => {
    const file = await payload.create({
      collection: 'lead-files',
      data: {},
      file: { data: Buffer.from('%PDF-1.4 brief'), name: 'brief.pdf', mimetype: 'application/pdf', size: 14 },
    })
    expect(modeOf(path.join(dataDir, 'lead-files'))).toBe('700')
    expect(modeOf(path.join(dataDir, 'lead-files', String(file.filename)))).toBe('600')
  })
})
