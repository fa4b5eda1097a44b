// The primary's transactions with statements prepared once (cms/prepared-batches.ts) answer as
// @libsql/client's batch answers, on a real SQLite file: same rows, same numbers, same errors, and a
// failed batch leaves nothing behind.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createClient, type InStatement } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { preparedBatches } from '../../cms/prepared-batches'

const folder = mkdtempSync(path.join(tmpdir(), 'prepared-batches-'))
const url = `file:${path.join(folder, 'site.db')}`
const client = createClient({ url })
const prepared = preparedBatches(url)
// The same schema in a second file, written by @libsql/client alone: the answers to compare with.
const reference = createClient({ url: `file:${path.join(folder, 'reference.db')}` })

beforeAll(async () => {
  for (const db of [client, reference]) {
    await db.execute('PRAGMA journal_mode = WAL')
    await db.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL, flag INTEGER, data BLOB, at INTEGER)')
  }
  prepared.pragma('busy_timeout = 5000')
})
afterAll(() => {
  prepared.close()
  client.close()
  reference.close()
})

/** What a result looks like from outside: its fields, and each row by index and by name. */
const seen = (results: Awaited<ReturnType<typeof client.batch>>) =>
  results.map((r) => ({
    columns: r.columns,
    columnTypes: r.columnTypes,
    rowsAffected: r.rowsAffected,
    lastInsertRowid: r.lastInsertRowid,
    rows: r.rows.map((row) => ({ byIndex: Array.from({ length: row.length }, (_, i) => row[i]), byName: { ...row } })),
    json: JSON.parse(JSON.stringify(r)),
  }))

describe('batches with statements prepared once', () => {
  it('answers a batch exactly as @libsql/client does, the second time from the prepared statements too', async () => {
    const batch = (first: number): InStatement[] => [
      {
        sql: 'INSERT INTO notes (id, text, flag, data, at) VALUES (?, ?, ?, ?, ?)',
        args: [first, 'one', true, new Uint8Array([1, 2]).buffer, new Date(5)],
      },
      { sql: 'INSERT INTO notes (id, text, flag) VALUES (:id, :text, $flag)', args: { id: first + 1, text: 'two', $flag: false } },
      'UPDATE notes SET text = upper(text) WHERE id >= 100',
      { sql: 'SELECT id, text, flag, data, at, id AS text FROM notes WHERE id >= ? ORDER BY id', args: [first] },
      { sql: 'DELETE FROM notes WHERE id = ? RETURNING id, text', args: [first + 1] },
    ]
    const ours = await prepared.batch(batch(200), 'write')
    expect(seen(ours)).toEqual(seen(await reference.batch(batch(200), 'write')))
    expect(seen(await prepared.batch(batch(300), 'write'))).toEqual(seen(await reference.batch(batch(300), 'write')))
    expect(ours[0]!.lastInsertRowid).toBe(200n)
    expect(ours[1]!.rowsAffected).toBe(1)
    expect(ours[3]!.rows[0]).toMatchObject({ id: 200, text: 'ONE', flag: 1, at: 5 })
    expect(new Uint8Array(ours[3]!.rows[0]!.data as ArrayBuffer)).toEqual(new Uint8Array([1, 2]))
    expect(ours[3]!.rows[0]![5]).toBe(200)
    expect(ours[4]!.rows.map((row) => ({ ...row }))).toEqual([{ id: 201, text: 'TWO' }])
  })

  it('rolls the whole batch back on an error, with the database code, and goes on with the same statements', async () => {
    const insert = 'INSERT INTO notes (id, text) VALUES (?, ?)'
    const failing = prepared.batch(
      [
        { sql: insert, args: [400, 'kept?'] },
        { sql: insert, args: [400, 'twice'] },
      ],
      'write',
    )
    await expect(failing).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
      message: expect.stringContaining('UNIQUE constraint failed: notes.id'),
    })
    const theirs = await client
      .batch(
        [
          { sql: insert, args: [401, 'x'] },
          { sql: insert, args: [401, 'y'] },
        ],
        'write',
      )
      .catch((e: unknown) => e)
    expect(theirs).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })
    expect((await client.execute('SELECT count(*) AS n FROM notes WHERE id IN (400, 401)')).rows[0]!.n).toBe(0)
    await prepared.batch([{ sql: insert, args: [400, 'after'] }], 'write')
    expect((await client.execute('SELECT text FROM notes WHERE id = 400')).rows[0]!.text).toBe('after')
  })

  it('refuses what @libsql/client refuses before touching the file', async () => {
    await expect(
      prepared.batch([{ sql: 'INSERT INTO notes (id, text) VALUES (?, ?)', args: [500, undefined as never] }], 'write'),
    ).rejects.toThrow('undefined cannot be passed as argument to the database')
    await expect(prepared.batch([{ sql: 'SELECT ?', args: [Infinity] }], 'write')).rejects.toThrow('Only finite numbers')
    await expect(prepared.batch(['SELECT nope FROM notes'], 'write')).rejects.toMatchObject({
      code: 'SQLITE_ERROR',
      message: expect.stringContaining('no such column: nope'),
    })
    expect((await client.execute('SELECT count(*) AS n FROM notes WHERE id = 500')).rows[0]!.n).toBe(0)
  })

  it('reads integers beyond 2^53 as @libsql/client does: refused, not rounded', async () => {
    await expect(prepared.batch(['SELECT 9007199254740993 AS big'], 'write')).rejects.toThrow(RangeError)
    await expect(client.batch(['SELECT 9007199254740993 AS big'], 'write')).rejects.toThrow(RangeError)
  })
})
