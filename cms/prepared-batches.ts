// Transactions on the SQLite file with each statement prepared once per connection. @libsql/client
// prepares every statement again at each execution, BEGIN and COMMIT included, and finds out whether
// a statement returns rows by catching the exception raw() throws when it does not. In the site's
// primary, which writes every site process's submissions during a campaign's burst, that was a fifth
// of its time (V8 profile of bench/intake.ts): the primary is where every submission queues, so its
// time is everyone's latency. The answers are @libsql/client's: ResultSets whose rows read by index
// and by column name, integers as numbers, its errors and codes.
import { type InStatement, type InValue, LibsqlError, type ResultSet, type Row } from '@libsql/client'
import { ResultSetImpl } from '@libsql/core/util'
import Database from 'libsql'

import type { Batcher } from './group-commit'

/** Statements kept prepared; the site's writes are a few dozen texts, so this bound is only a guard. */
const MAX_PREPARED = 500

type Statement = Database.Statement

interface Prepared {
  statement: Statement
  /** Column names of a statement that returns rows (SELECT, RETURNING), null for one that does not. */
  columns: string[] | null
  columnTypes: string[]
}

/**
 * Opens the SQLite file at `url` (`file:…`) and runs batches on it as @libsql/client's
 * `batch(statements, 'write')` does: BEGIN IMMEDIATE, each statement, COMMIT; on any error,
 * ROLLBACK and that error.
 * @example const db = preparedBatches('file:data/site.db'); db.pragma('synchronous = FULL'); groupCommit(db)
 */
export function preparedBatches(url: string): Batcher & { pragma(setting: string): void; close(): void } {
  const db = new Database(url.replace(/^file:/, ''))
  const prepared = new Map<string, Prepared>()
  const prepare = (sql: string): Prepared => {
    let entry = prepared.get(sql)
    if (!entry) {
      if (prepared.size >= MAX_PREPARED) prepared.clear()
      const statement = db.prepare(sql).safeIntegers(true)
      const reader = statement.reader
      if (reader) statement.raw(true)
      const described = reader ? statement.columns() : []
      entry = { statement, columns: reader ? described.map((c) => c.name) : null, columnTypes: described.map((c) => c.type ?? '') }
      prepared.set(sql, entry)
    }
    return entry
  }
  const execute = (statement: InStatement): ResultSet => {
    const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement
    const { statement: prepared, columns, columnTypes } = prepare(sql)
    const values = Array.isArray(args) ? args.map(toSql) : namedArgs(args ?? {})
    if (!columns) {
      const info = prepared.run(values)
      return new ResultSetImpl([], [], [], info.changes, BigInt(info.lastInsertRowid))
    }
    const rows = (prepared.all(values) as unknown[][]).map((values) => row(values, columns))
    return new ResultSetImpl(columns, columnTypes, rows, 0, undefined)
  }
  return {
    async batch(statements) {
      try {
        execute('BEGIN IMMEDIATE')
        const results = statements.map(execute)
        execute('COMMIT')
        return results
      } catch (error) {
        throw libsqlError(error)
      } finally {
        if (db.inTransaction) execute('ROLLBACK')
      }
    },
    pragma: (setting) => void db.exec(`PRAGMA ${setting}`),
    close: () => db.close(),
  }
}

/** An argument as SQLite takes it, converted as @libsql/client converts it (booleans 1/0, dates as milliseconds, bytes). */
function toSql(value: InValue | undefined): unknown {
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database')
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments')
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof ArrayBuffer) return Buffer.from(value)
  if (value instanceof Date) return value.valueOf()
  return value
}

function namedArgs(args: Record<string, InValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).map(([name, value]) => [/^[@$:]/.test(name) ? name.slice(1) : name, toSql(value)]))
}

/** A value as @libsql/client answers it in its default integer mode: numbers (refusing one that would lose digits), bytes as an ArrayBuffer. */
function fromSql(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value < BigInt(Number.MIN_SAFE_INTEGER) || value > BigInt(Number.MAX_SAFE_INTEGER))
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number')
    return Number(value)
  }
  if (value instanceof Buffer) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength)
  return value
}

/**
 * A row readable by index and by column name (the first column of a name wins), as @libsql/client's.
 * cms/shared-writes.ts builds the same from the primary's answer: Node loads these files as they
 * are (site/server.mjs, the checkpoint thread), so they import no value from another project module.
 */
function row(values: unknown[], columns: string[]): Row {
  const result: Record<string | number, unknown> = {}
  Object.defineProperty(result, 'length', { value: values.length })
  values.forEach((raw, i) => {
    const value = fromSql(raw)
    Object.defineProperty(result, i, { value })
    const column = columns[i]!
    if (!Object.hasOwn(result, column)) result[column] = value
  })
  return result as Row
}

/** The database's error as @libsql/client raises it: its message, and its code (SQLITE_CONSTRAINT_PRIMARYKEY and the like). */
function libsqlError(error: unknown): unknown {
  if (error instanceof LibsqlError || !(error instanceof Error) || typeof (error as { code?: unknown }).code !== 'string') return error
  const { code, rawCode } = error as Error & { code: string; rawCode?: number }
  return new LibsqlError(error.message, code, rawCode, error)
}
