import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import path from 'node:path'

/** One email as Resend's API takes it, with the key that names it. */
export interface OutgoingEmail {
  from: string
  to: string[]
  subject: string
  html: string
  text: string
  replyTo?: string[]
  /** Custom headers (List-Unsubscribe and List-Unsubscribe-Post on sequence emails). */
  headers?: Record<string, string>
  idempotencyKey: string
}

/** A request as it was (or is about to be) posted: its key and its emails, in order (one email: its own key). */
export interface JournaledBatch {
  key: string
  emails: OutgoingEmail[]
}

/** Resend keeps an idempotency key for 24 hours; a journal entry is useless after that. */
const KEEP_MS = 24 * 60 * 60 * 1000

/**
 * The batch key of a set of emails: derived from their own keys, so it names what is in it.
 * @example batchKey([{ idempotencyKey: 'lead-email/1/9f2c…' }, …]) // 'batch/3f1c…'
 */
export function batchKey(emails: Pick<OutgoingEmail, 'idempotencyKey'>[]): string {
  return `batch/${createHash('sha256')
    .update(emails.map((e) => e.idempotencyKey).join('\n'))
    .digest('hex')
    .slice(0, 40)}`
}

/**
 * A write-ahead journal of batch requests, one file each under `dir`. Resend's batch endpoint takes
 * one idempotency key per request, not per email: if the worker dies after Resend accepted a batch
 * but before its jobs were marked done, the next worker would group those emails differently, under
 * another key, and send them twice. So each batch is written down (and synced) before it is posted,
 * and an email whose key is in a journaled batch is sent again only as that same batch, under that
 * same key: Resend answers the first ids and sends nothing.
 */
export function batchJournal(dir: string) {
  const byEmail = new Map<string, JournaledBatch>()
  // A file name from the key's hash: an email's own key holds addresses and slashes.
  const file = (key: string) => path.join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`)
  const index = (batch: JournaledBatch) => batch.emails.forEach((email) => byEmail.set(email.idempotencyKey, batch))

  let loaded = false
  // Read on first use, not at start: the site and CMS processes load this adapter too and rarely send.
  const load = () => {
    if (loaded) return
    loaded = true
    if (!existsSync(dir)) return
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      try {
        if (Date.now() - statSync(full).mtimeMs > KEEP_MS) unlinkSync(full)
        else if (name.endsWith('.json')) index(JSON.parse(readFileSync(full, 'utf8')) as JournaledBatch)
      } catch {
        // A half-written file (the process died while writing it) was never posted: nothing to replay.
      }
    }
  }

  return {
    /** The journaled batch an email went out in (or was about to), if any. */
    batchOf: (idempotencyKey: string): JournaledBatch | undefined => {
      load()
      return byEmail.get(idempotencyKey)
    },
    /** Writes a batch down durably before it is posted. */
    write(batch: JournaledBatch): void {
      load()
      mkdirSync(dir, { recursive: true })
      const temporary = `${file(batch.key)}.tmp`
      const fd = openSync(temporary, 'w')
      try {
        writeSync(fd, JSON.stringify(batch))
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(temporary, file(batch.key))
      index(batch)
    },
  }
}
