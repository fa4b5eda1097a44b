// A site process as tests/integration/shared-writes.test.ts forks it: it writes through its
// primary (cms/shared-writes.ts) and reports what it was answered, over the same channel.
import { forwardedWriter, writesViaPrimary } from '../../cms/shared-writes'

const write = forwardedWriter(process.env.SHARED_WRITES_DB!)
const error = (e: unknown) => ({ message: e instanceof Error ? e.message : String(e), code: (e as { code?: unknown }).code })

if (process.env.SHARED_WRITES_CASE === 'gone') {
  // Killed while its write is being stored: the write is sent, and the process is gone before the answer.
  void write([{ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['unanswered'] }])
  setImmediate(() => setImmediate(() => process.kill(process.pid, 'SIGKILL')))
} else if (process.env.SHARED_WRITES_CASE === 'disconnect') {
  // The primary never answers and goes: the write must fail, not wait forever.
  const outcome = await write([{ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['lost'] }]).then(
    () => 'stored',
    (e: unknown) => error(e).message,
  )
  process.stdout.write(`${JSON.stringify({ outcome })}\n`)
} else {
  const [inserted, read] = await write([
    { sql: 'INSERT INTO notes (text) VALUES (?)', args: ['第一'] },
    'SELECT id, text FROM notes ORDER BY id',
  ])
  // Ten writes of one turn, as ten visitors' submissions: one message to the primary, one transaction.
  const many = await Promise.all(
    Array.from({ length: 10 }, (_, i) => write([{ sql: 'INSERT INTO notes (text) VALUES (?)', args: [`n${i}`] }])),
  )
  const refused = await write([{ sql: 'INSERT INTO notes (id, text) VALUES (1, ?)', args: ['again'] }]).then(() => null, error)
  const row = read!.rows[0]!
  process.send!({
    type: 'report',
    viaPrimary: writesViaPrimary(),
    inserted: { rowsAffected: inserted!.rowsAffected, lastInsertRowid: inserted!.lastInsertRowid },
    row: { byName: [row.id, row.text], byIndex: [row[0], row[1]], length: row.length, columns: read!.columns },
    many: many.map((results) => results[0]!.lastInsertRowid),
    refused,
  })
  process.disconnect()
}
