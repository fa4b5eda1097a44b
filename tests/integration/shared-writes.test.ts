// One writer for every site process (cms/shared-writes.ts), over a real IPC channel: a forked
// process writes through this one, which stores on a real SQLite file with the group commit the
// primary of site/server.mjs uses.
import { fork } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { groupCommit } from '../../cms/group-commit'
import { answerWrites, PRIMARY_WRITES } from '../../cms/shared-writes'

const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), 'shared-writes-')), 'site.db')}`
const client = createClient({ url })

beforeAll(async () => {
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)')
})
afterAll(() => client.close())

/** Forks the site process with the channel the primary gives it, and counts the messages it sends. */
function siteProcess(caseName: string) {
  const child = fork(path.join(import.meta.dirname, 'shared-writes-site-process.ts'), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, [PRIMARY_WRITES]: '1', SHARED_WRITES_DB: url, SHARED_WRITES_CASE: caseName },
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  const messages: unknown[] = []
  child.on('message', (message) => messages.push(message))
  let stdout = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return { child, messages, output: async () => (await exited, stdout) }
}

describe('writes of a site process through its primary', () => {
  it('answers each write as its own connection would, after the commit, and refuses a bad one with the database error', async () => {
    const site = siteProcess('writes')
    answerWrites(site.child, () => groupCommit(client))
    await site.output()
    const requests = site.messages.filter((m) => (m as { type: string }).type === 'brand-site:write')
    const report = site.messages.find((m) => (m as { type: string }).type === 'report')
    expect(report).toEqual({
      type: 'report',
      viaPrimary: true,
      inserted: { rowsAffected: 1, lastInsertRowid: 1n },
      row: { byName: [1, '第一'], byIndex: [1, '第一'], length: 2, columns: ['id', 'text'] },
      many: [2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n],
      refused: { message: expect.stringContaining('UNIQUE constraint failed: notes.id'), code: 'SQLITE_CONSTRAINT_PRIMARYKEY' },
    })
    // The first write, the ten of one turn together, the refused one.
    expect(requests.map((m) => (m as { writes: unknown[] }).writes.length)).toEqual([1, 10, 1])
    const { rows } = await client.execute('SELECT COUNT(*) AS n FROM notes')
    expect(rows[0]!.n).toBe(11)
  })

  it('stores the write of a site process killed before its answer, and the primary carries on', async () => {
    const site = siteProcess('gone')
    const gone = site.output()
    // The primary's transaction ends after the process is gone, as a commit under load may.
    answerWrites(site.child, () => async (statements) => (await gone, groupCommit(client)(statements)))
    await gone
    await expect.poll(async () => (await client.execute("SELECT COUNT(*) AS n FROM notes WHERE text = 'unanswered'")).rows[0]!.n).toBe(1)
    // The answer went to a closed channel; the primary (this process) is still here to write again.
    expect((await groupCommit(client)([{ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['after'] }]))[0]!.rowsAffected).toBe(1)
  })

  it('fails a write still waiting when the primary goes away', async () => {
    const site = siteProcess('disconnect')
    // The primary takes the write and stops before answering it.
    site.child.once('message', () => site.child.disconnect())
    expect(JSON.parse(await site.output())).toEqual({ outcome: 'The site primary stopped before the write was stored.' })
    const { rows } = await client.execute("SELECT COUNT(*) AS n FROM notes WHERE text = 'lost'")
    expect(rows[0]!.n).toBe(0)
  })
})
