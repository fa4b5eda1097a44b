// The primary's writer commits with automatic checkpoints off (site/server.mjs); the thread of
// cms/wal-checkpoints.ts copies the write-ahead log back into the database file instead. On a real
// file: what a connection without checkpoints wrote reaches the database file only through that thread.
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { preparedBatches } from '../../cms/prepared-batches'
import { checkpointsBeside } from '../../cms/wal-checkpoints'

const opened: { close: () => void }[] = []
const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
  for (const db of opened.splice(0)) db.close()
})

/** A database file in WAL mode, written by a connection that never checkpoints: 2 MB that live only in the log. */
async function writtenWithoutCheckpoints() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'wal-checkpoints-')), 'site.db')
  const writer = preparedBatches(`file:${file}`)
  opened.push(writer)
  writer.pragma('journal_mode = WAL')
  writer.pragma('wal_autocheckpoint = 0')
  await writer.batch(['CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)'], 'write')
  const before = statSync(file).size
  for (let i = 0; i < 20; i++)
    await writer.batch(
      Array.from({ length: 25 }, () => ({ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['x'.repeat(4000)] })),
      'write',
    )
  return { file, before, writer }
}

describe('WAL checkpoints beside the writer', () => {
  it('leaves the log alone without the thread: the database file does not grow', async () => {
    const { file, before } = await writtenWithoutCheckpoints()
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000)
    expect(statSync(file).size).toBe(before)
  })

  it('copies the log back into the database file on its own thread, while the writer goes on', async () => {
    const { file, before, writer } = await writtenWithoutCheckpoints()
    const { stop } = checkpointsBeside(`file:${file}`, 20)
    stops.push(stop)
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 2_000_000), { timeout: 10_000, interval: 20 })
    // The writer was never held up: it writes again at once, and the next checkpoint takes that too.
    await writer.batch([{ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['y'.repeat(400_000)] }], 'write')
    const grown = statSync(file).size
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(grown + 400_000), { timeout: 10_000, interval: 20 })
  })
})
