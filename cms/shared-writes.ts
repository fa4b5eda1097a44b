// One writer for every site process. SITE_PROCESSES site processes on one SQLite file each wrote
// their own transactions, and each waited for the others' write lock inside SQLite's busy handler:
// asleep in steps of 1 to 100 ms, however soon the lock was free, with the process's whole event
// loop stopped (libsql runs every statement synchronously). In a campaign's burst that was half of
// a site process's time and the whole tail of the submit latency. Now the primary of node:cluster
// (site/server.mjs), which serves no visitor, writes for all of them: their writes of one moment
// share one transaction, nobody waits for a lock another site process holds, and a site process
// never sleeps while it waits. Reads stay on each process's own connection (WAL: they never wait),
// and see a write as soon as its answer arrives, because the answer is sent after the commit.
import type { InStatement, ResultSet, Row } from '@libsql/client'

/** Stores statements in one transaction and answers each statement's result. */
export type Write = (statements: InStatement[]) => Promise<ResultSet[]>

/** The environment variable the primary gives the site processes it forks, when it writes for them. */
export const PRIMARY_WRITES = 'SITE_WRITES_VIA_PRIMARY'

const REQUEST = 'brand-site:write'
const ANSWER = 'brand-site:written'

/** One write, as it crosses the channel. */
interface WriteRequest {
  id: number
  /** The database file, as the site process's own connection names it (`file:…`). */
  url: string
  statements: InStatement[]
}

/** A result as it crosses the channel: libsql's rows are objects with both indexes and names, and lose the indexes when cloned. */
interface PlainResult {
  columns: string[]
  columnTypes: string[]
  rows: unknown[][]
  rowsAffected: number
  lastInsertRowid: bigint | undefined
}

interface WriteAnswer {
  id: number
  results?: PlainResult[]
  error?: { message: string; code?: string }
}

/**
 * The messages: the writes of one turn of a site process's event loop go in one message, and the
 * answers of one of the primary's transactions in one message back. One message a write was one
 * pipe write and one wake-up of the other process each, which in a burst cost as much as the writes.
 */
type Message = { type: typeof REQUEST; writes: WriteRequest[] } | { type: typeof ANSWER; answers: WriteAnswer[] }

/** The IPC channel to one site process, as node:cluster's Worker and child_process's ChildProcess have it. */
export interface WriteChannel {
  on(event: 'message', listener: (message: unknown) => void): unknown
  send(message: Message, callback: (error: Error | null) => void): unknown
}

/** True in a site process whose primary writes for it (the channel needs the primary's `advanced` serialization: bigints, bytes). */
export function writesViaPrimary(): boolean {
  return process.env[PRIMARY_WRITES] === '1' && typeof process.send === 'function'
}

/**
 * The primary's side: answers the writes one site process sends, each with `writerFor(url)` (a
 * group commit on the primary's own connection to that file). Anything else on the channel is not ours.
 */
export function answerWrites(channel: WriteChannel, writerFor: (url: string) => Write): void {
  // A site process that died meanwhile is not answered: its visitors' requests went with it. Without
  // the callback, the closed channel's error would stop the primary, and every site process with it.
  const answer = inOneMessage<WriteAnswer>((answers) => channel.send({ type: ANSWER, answers }, () => undefined))
  channel.on('message', (message) => {
    if (!isMessage(message, REQUEST)) return
    for (const { id, url, statements } of message.writes) {
      writerFor(url)(statements).then(
        (results) => answer({ id, results: results.map(plain) }),
        (error: unknown) => answer({ id, error: describe(error) }),
      )
    }
  })
}

/**
 * A site process's side: a Write that the primary runs on the database file `url`. Resolves once
 * the primary's transaction holding these statements has committed; rejects with the database's
 * error (message and code), or when the channel to the primary closes before the answer.
 */
export function forwardedWriter(url: string): Write {
  return (statements) =>
    new Promise((resolve, reject) => {
      const id = ++lastId
      waiting.set(id, { resolve, reject })
      listen()
      request({ id, url, statements })
    })
}

let lastId = 0
const waiting = new Map<number, { resolve: (results: ResultSet[]) => void; reject: (error: unknown) => void }>()
let listening = false
const request = inOneMessage<WriteRequest>((writes) => process.send!({ type: REQUEST, writes } satisfies Message))

function listen() {
  if (listening) return
  listening = true
  process.on('message', (message: unknown) => {
    if (!isMessage(message, ANSWER)) return
    for (const answer of message.answers) {
      const pending = waiting.get(answer.id)
      if (!pending) continue
      waiting.delete(answer.id)
      if (answer.results) pending.resolve(answer.results.map(resultSet))
      else pending.reject(Object.assign(new Error(answer.error?.message ?? 'The write failed.'), { code: answer.error?.code }))
    }
  })
  // The primary is gone (its site processes stop with it): nothing waiting will be answered.
  process.once('disconnect', () => {
    for (const [id, pending] of waiting) {
      waiting.delete(id)
      pending.reject(new Error('The site primary stopped before the write was stored.'))
    }
  })
}

/** Collects what is sent within one turn of the event loop and sends it as one list, right after that turn. */
function inOneMessage<T>(send: (items: T[]) => void): (item: T) => void {
  let items: T[] = []
  return (item) => {
    items.push(item)
    if (items.length > 1) return
    setImmediate(() => {
      const sending = items
      items = []
      send(sending)
    })
  }
}

function isMessage<K extends Message['type']>(message: unknown, type: K): message is Extract<Message, { type: K }> {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type
}

function plain(result: ResultSet): PlainResult {
  return {
    columns: result.columns,
    columnTypes: result.columnTypes,
    rows: result.rows.map((row) => Array.from({ length: result.columns.length }, (_, i) => row[i])),
    rowsAffected: result.rowsAffected,
    lastInsertRowid: result.lastInsertRowid,
  }
}

/** A libsql ResultSet again: each row readable by index and by column name, as the caller's own connection answers it. */
function resultSet(result: PlainResult): ResultSet {
  const rows = result.rows.map((values) => {
    const row: Record<string | number, unknown> = {}
    Object.defineProperty(row, 'length', { value: values.length })
    values.forEach((value, i) => {
      Object.defineProperty(row, i, { value })
      const column = result.columns[i]!
      if (!Object.hasOwn(row, column)) row[column] = value
    })
    return row as Row
  })
  const json = { ...result, lastInsertRowid: result.lastInsertRowid?.toString() }
  return { ...result, rows, toJSON: () => json }
}

function describe(error: unknown): { message: string; code?: string } {
  if (!(error instanceof Error)) return { message: String(error) }
  const code = (error as { code?: unknown }).code
  return { message: error.message, ...(typeof code === 'string' ? { code } : {}) }
}
