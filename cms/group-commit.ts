import type { InStatement, ResultSet } from '@libsql/client'

/** Whatever stores a list of statements in one transaction: @libsql/client's Client, or cms/prepared-batches.ts. */
export interface Batcher {
  batch(statements: InStatement[], mode: 'write'): Promise<ResultSet[]>
}

const MAX_GROUP = 64

interface Waiting {
  statements: InStatement[]
  resolve: (results: ResultSet[]) => void
  reject: (error: unknown) => void
}

/**
 * Group commit on the SQLite file: the writes that arrive within one turn of the event loop are
 * stored together in one transaction. Each keeps its own statements and gets its own results, and
 * nobody is answered before the transaction holding their write has committed; but the commit (an
 * fsync) is paid once per group, not once per visitor, which is what bounds intake under load.
 * libsql writes synchronously, so nothing can join while a write runs: the group is what arrived
 * before the next turn. A write that fails its group is retried alone, so one bad write does not
 * take the others down with it.
 * @example const write = groupCommit(client); const [inserted] = await write([{ sql: 'INSERT …', args }])
 */
export function groupCommit(client: Batcher): (statements: InStatement[]) => Promise<ResultSet[]> {
  let write = writers.get(client)
  if (!write) writers.set(client, (write = groupWriter(client)))
  return write
}

// One writer per connection: intake's submissions and the activity rows of the submissions before
// them share a transaction when they meet in one turn.
const writers = new WeakMap<Batcher, (statements: InStatement[]) => Promise<ResultSet[]>>()

function groupWriter(client: Batcher): (statements: InStatement[]) => Promise<ResultSet[]> {
  let queue: Waiting[] = []
  let scheduled = false

  const writeGroup = async (group: Waiting[]) => {
    try {
      const results = await client.batch(
        group.flatMap((w) => w.statements),
        'write',
      )
      let at = 0
      for (const w of group) w.resolve(results.slice(at, (at += w.statements.length)))
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error)
      for (const w of group) await writeGroup([w])
    }
  }
  const drain = async () => {
    while (queue.length) {
      const group = queue.slice(0, MAX_GROUP)
      queue = queue.slice(MAX_GROUP)
      await writeGroup(group)
    }
    scheduled = false
  }
  return (statements) =>
    new Promise((resolve, reject) => {
      queue.push({ statements, resolve, reject })
      if (!scheduled) {
        scheduled = true
        setImmediate(() => void drain())
      }
    })
}
