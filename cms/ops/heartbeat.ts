// The jobs worker's heartbeat: a file in DATA_DIR holding the time of its last beat, which the
// site's /healthz and the CMS's /api/healthz read. A file, not a row: it works the same on SQLite
// and MongoDB, and a busy database cannot make a live worker look dead.
import { readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { dataDir } from '../environment'

/** Where the worker writes its heartbeat. */
export const HEARTBEAT_FILE = path.join(dataDir, 'worker.heartbeat')
/** How often the worker beats; health allows three missed beats. */
export const HEARTBEAT_MS = 15_000
export const MAX_SILENCE_MS = HEARTBEAT_MS * 3

/** Writes one beat (written beside, then renamed, so a reader never sees half a time). */
export async function beat(now = new Date()): Promise<void> {
  const temporary = `${HEARTBEAT_FILE}.${process.pid}`
  await writeFile(temporary, now.toISOString(), { mode: 0o600 })
  await rename(temporary, HEARTBEAT_FILE)
}

/** The time of the last beat (ms since the epoch), or null when no worker ever beat here. */
export async function lastBeat(): Promise<number | null> {
  const text = await readFile(HEARTBEAT_FILE, 'utf8').catch(() => null)
  const at = text === null ? Number.NaN : Date.parse(text)
  return Number.isFinite(at) ? at : null
}

/**
 * Beats now and every HEARTBEAT_MS; answers a stop function. For scripts/worker.ts.
 * @example const stop = startHeartbeat(); process.once('SIGTERM', stop)
 */
export function startHeartbeat(onError: (error: unknown) => void = (error) => console.error('Heartbeat not written:', error)): () => void {
  void beat().catch(onError)
  const timer = setInterval(() => void beat().catch(onError), HEARTBEAT_MS)
  timer.unref()
  return () => clearInterval(timer)
}
