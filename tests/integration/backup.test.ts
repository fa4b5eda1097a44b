import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { createClient } from '@libsql/client'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { IntakeStore, SubmissionRecord } from '../../functions/lead-intake/intake'
import { startPayload } from './payload'

// `npm run backup` and `npm run restore` as separate processes (as an operator runs them), against the
// real SQLite file that this process keeps writing leads to through the intake store.
const exec = promisify(execFile)
const tsx = path.resolve('node_modules/tsx/dist/cli.mjs')
const script = (name: string, env: Record<string, string>) =>
  exec(process.execPath, [tsx, `scripts/${name}`, ...(env.ARGS ? [env.ARGS] : [])], { env: { ...process.env, ...env } })
const failure = async (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  )

let payload: Payload
let cleanup: () => Promise<void>
let dataDir: string
let store: IntakeStore
let formId: number
const scratch: string[] = []

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  dataDir = process.env.DATA_DIR!
  store = (await import('../../cms/intake')).sqliteIntakeStore(payload)
  const form = await payload.create({
    collection: 'forms',
    locale: 'en',
    data: {
      name: 'Contact',
      defaultRecipient: 'sales@test.example',
      minSecondsToSubmit: 0,
      fields: [{ name: 'email', type: 'email', label: 'Email', required: true }],
    },
  })
  formId = form.id as number
  writeFileSync(path.join(dataDir, '.secret'), 'the-generated-secret', { mode: 0o600 })
  writeFileSync(path.join(dataDir, 'media', 'logo.png'), 'png bytes')
  mkdirSync(path.join(dataDir, 'lead-files', '7'), { recursive: true })
  writeFileSync(path.join(dataDir, 'lead-files', '7', 'brief.pdf'), '%PDF-1.4 brief')
})
afterAll(async () => {
  await cleanup?.()
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

const emptyDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'brand-site-restore-'))
  scratch.push(dir)
  return dir
}

const submit = (email: string) =>
  store.storeSubmission({
    lead: { email, phone: null, name: null, firstTouch: null, lastTouch: null },
    submission: {
      form: formId,
      values: { email },
      consents: [],
      locale: 'en',
      pageUrl: 'https://brand.example/contact',
      userAgent: 'test',
      ipHash: 'abc',
      firstTouch: null,
      lastTouch: null,
      spam: { score: 0, reasons: [], isSpam: false },
      conflict: null,
    } satisfies SubmissionRecord,
    notify: ['sales-email'],
  })

/** Submits leads from two concurrent visitors until stopped; `acknowledged` grows as each store returns. */
function burst() {
  const acknowledged: string[] = []
  let running = true
  let waiter: { count: number; resolve: () => void } | null = null
  const visitor = async (v: number) => {
    for (let i = 0; running; i++) {
      const email = `v${v}-${i}@burst.example`
      await submit(email)
      acknowledged.push(email)
      if (waiter && acknowledged.length >= waiter.count) waiter.resolve()
      // libsql may answer without a macrotask in between: yield, or the backup's exit is never heard.
      await new Promise(setImmediate)
    }
  }
  const done = Promise.all([0, 1].map(visitor))
  return {
    acknowledged,
    reached: (count: number) => new Promise<void>((resolve) => (acknowledged.length >= count ? resolve() : (waiter = { count, resolve }))),
    stop: async () => {
      running = false
      await done
    },
  }
}

async function restoredEmails(dir: string): Promise<Set<string>> {
  const client = createClient({ url: `file:${path.join(dir, 'site.db')}` })
  try {
    const { rows } = await client.execute('SELECT email FROM leads')
    return new Set(rows.map((row) => String(row.email)))
  } finally {
    client.close()
  }
}

describe('npm run backup and npm run restore', () => {
  it('restores a backup taken during a burst of submissions with every lead acknowledged before it began', async () => {
    const submissions = burst()
    await submissions.reached(20)
    const before = [...submissions.acknowledged]
    const { stdout } = await script('backup.ts', { DATA_DIR: dataDir })
    const duringBackup = submissions.acknowledged.length - before.length
    await submissions.stop()

    const archive = stdout.trim()
    expect(path.dirname(archive)).toBe(path.join(dataDir, 'backups'))
    expect(path.basename(archive)).toMatch(/^\d{8}T\d{6}Z\.tar\.gz$/)
    expect(statSync(archive).mode & 0o777).toBe(0o600)
    expect(statSync(path.dirname(archive)).mode & 0o777).toBe(0o700)
    // The submissions went on while the backup ran: the snapshot was taken of a database being written.
    expect(duringBackup).toBeGreaterThan(0)

    const target = path.join(emptyDir(), 'data')
    const restored = await script('restore.ts', { DATA_DIR: target, ARGS: archive })
    expect(restored.stdout.trim()).toBe(`Restored ${archive} into ${target}. Start the product with DATA_DIR=${target}.`)

    const emails = await restoredEmails(target)
    expect(before.filter((email) => !emails.has(email))).toEqual([])
    // Nothing appears that was never acknowledged, and the snapshot holds no half-written lead.
    expect([...emails].filter((email) => !submissions.acknowledged.includes(email))).toEqual([])
    expect(readFileSync(path.join(target, '.secret'), 'utf8')).toBe('the-generated-secret')
    expect(readFileSync(path.join(target, 'media', 'logo.png'), 'utf8')).toBe('png bytes')
    expect(readFileSync(path.join(target, 'lead-files', '7', 'brief.pdf'), 'utf8')).toBe('%PDF-1.4 brief')
    for (const file of ['site.db', '.secret', 'media/logo.png', 'lead-files/7/brief.pdf'])
      expect(statSync(path.join(target, file)).mode & 0o777, file).toBe(0o600)
    for (const dir of ['.', 'media', 'lead-files']) expect(statSync(path.join(target, dir)).mode & 0o777, dir).toBe(0o700)

    // A second restore into the folder now in use is refused, and leaves it as it was.
    const refused = await failure(script('restore.ts', { DATA_DIR: target, ARGS: archive }))
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim()).toMatch(
      new RegExp(
        `^Nothing was restored: DATA_DIR \\(${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\) is not empty: it holds \\d+ entries\\. A restore only fills an empty folder`,
      ),
    )
    expect((await restoredEmails(target)).size).toBe(emails.size)
    // Three tsx processes start here beside a running burst; on two shared cores that takes minutes, not seconds.
  }, 240_000)

  it('on MongoDB archives the files without a database and says to use mongodump', async () => {
    const backupDir = emptyDir()
    const { stdout, stderr } = await script('backup.ts', {
      DATA_DIR: dataDir,
      BACKUP_DIR: backupDir,
      DATABASE_URI: 'mongodb://127.0.0.1:1/brand',
    })
    expect(stderr).toContain(
      'The database is on MongoDB, so it is not in this archive (media, lead files and the secret are). Back it up with: mongodump',
    )
    const { stdout: listing } = await exec('tar', ['-tzf', stdout.trim()])
    expect(
      listing
        .split('\n')
        .filter(Boolean)
        .filter((entry) => !entry.includes('/') || entry.endsWith('/'))
        .sort(),
    ).toEqual(['.secret', 'lead-files/', 'lead-files/7/', 'media/'])
  })

  it('refuses an archive it did not write', async () => {
    const dir = emptyDir()
    writeFileSync(path.join(dir, 'notes.txt'), 'x')
    const archive = path.join(dir, 'other.tar.gz')
    await exec('tar', ['-czf', archive, '-C', dir, 'notes.txt'])
    const refused = await failure(script('restore.ts', { DATA_DIR: path.join(dir, 'data'), ARGS: archive }))
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim()).toBe(
      'Nothing was restored: The archive holds 1 entries a backup never writes (only site.db, media, lead-files, .secret, mail-journal): it was not written by npm run backup, so nothing was restored.',
    )
  })
})
