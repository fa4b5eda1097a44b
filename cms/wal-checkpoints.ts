// WAL checkpoints beside the writer, not inside its commits. SQLite copies the write-ahead log back
// into the database file when a commit finds it longer than 1,000 pages, in the committing
// connection, before that commit returns: in the site's primary, which writes every submission of
// a burst (cms/shared-writes.ts), that was a pause of 20 to 60 ms every few hundred submissions,
// with every request in flight waiting behind it, and most of the submit p99 (bench/intake.ts). The
// primary turns its connection's automatic checkpoints off, and this thread of the primary copies
// the log back on its own connection every second: a PASSIVE checkpoint waits for nobody and nobody
// waits for it, since writers go on appending to the log meanwhile.
import { isMainThread, Worker, workerData } from 'node:worker_threads'

import Database from 'libsql'

const ROLE = 'brand-site:wal-checkpoints'

interface Settings {
  role: typeof ROLE
  /** The database file, `file:…` as the writer's connection names it. */
  url: string
  everyMs: number
}

/**
 * Starts checkpointing the SQLite file at `url` every `everyMs` on a thread of this process, for a
 * writer whose own connection has `wal_autocheckpoint = 0`. The thread does not keep the process alive.
 * @example checkpointsBeside('file:data/site.db') // then, on the writer's connection: PRAGMA wal_autocheckpoint = 0
 */
export function checkpointsBeside(url: string, everyMs = 1000): { stop: () => Promise<void> } {
  const thread = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, url, everyMs } satisfies Settings })
  thread.unref()
  thread.on('error', (error) => console.error('WAL checkpoints stopped:', error.message))
  return { stop: async () => void (await thread.terminate()) }
}

/** The thread: one connection, one prepared checkpoint, run on a timer. A failed one is reported once until one succeeds. */
function checkpointLoop({ url, everyMs }: Settings) {
  // Opened as cms/prepared-batches.ts opens it; Node loads this file as it is, so it imports no project module.
  const db = new Database(url.replace(/^file:/, ''))
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)')
  let failing = false
  setInterval(() => {
    try {
      checkpoint.get()
      failing = false
    } catch (error) {
      if (!failing) console.error('WAL checkpoint failed:', error instanceof Error ? error.message : error)
      failing = true
    }
  }, everyMs)
}

if (!isMainThread && (workerData as Settings | undefined)?.role === ROLE) checkpointLoop(workerData as Settings)
