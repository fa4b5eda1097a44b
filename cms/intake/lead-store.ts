import type { Client, InStatement } from '@libsql/client'
import type { Payload } from 'payload'

import { serialize } from '../../functions/concurrency/serialize'
import { type FoundLead, type LeadStore, personKey, type PersonLead } from '../../functions/lead-intake/lead-store'
import { sqliteClient } from '../database'
import { idOf, toRelation } from '../members/records'
import { createOrJoin, LEAD_KEY_FIELDS } from './create-lead'

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value))

/**
 * The statements that find or create a person's lead inside a write transaction, and how later
 * statements of that transaction name its id (`leadSql` with `leadArgs`). The insert and the
 * look-up run under SQLite's write lock, so two transactions for one new person make one lead.
 * Lead intake stores a submission with these in the same transaction; `findOrCreateLead` runs them
 * alone.
 */
export function leadStatements(
  person: PersonLead,
  now: string,
): { statements: InStatement[]; leadSql: string; leadArgs: (string | number)[] } {
  const insert = `INSERT INTO leads
    (email, phone, name, status, score, first_touch, last_touch, member_id, became_member_at, updated_at, created_at)
    SELECT ?, ?, ?, 'new', 0, ?, ?, ?, ?, ?, ?`
  const values = [
    person.email,
    person.phone,
    person.name,
    json(person.firstTouch),
    json(person.lastTouch),
    person.member == null ? null : Number(person.member),
    person.becameMemberAt ?? null,
    now,
    now,
  ]
  const key = personKey(person)
  if (!key) return { statements: [{ sql: insert, args: values }], leadSql: '(SELECT MAX(id) FROM leads)', leadArgs: [] }
  return {
    statements: [{ sql: `${insert} WHERE NOT EXISTS (SELECT 1 FROM leads WHERE ${key[0]} = ?)`, args: [...values, key[1]] }],
    leadSql: `(SELECT id FROM leads WHERE ${key[0]} = ? ORDER BY created_at, id LIMIT 1)`,
    leadArgs: [key[1]],
  }
}

/** On the SQLite file: the statements above in one write transaction, then the lead they name. */
export function sqliteLeadStore(client: Client): LeadStore {
  return {
    async findOrCreateLead(person) {
      const { statements, leadSql, leadArgs } = leadStatements(person, new Date().toISOString())
      const results = await client.batch(
        [...statements, { sql: `SELECT id, member_id, first_touch FROM leads WHERE id = ${leadSql}`, args: leadArgs }],
        'write',
      )
      const row = results[results.length - 1]!.rows[0]!
      return {
        id: Number(row.id),
        member: row.member_id === null ? null : Number(row.member_id),
        firstTouch: typeof row.first_touch === 'string' ? JSON.parse(row.first_touch) : null,
        created: results[0]!.rowsAffected === 1,
      }
    },
  }
}

/**
 * Looks for the person's lead and creates it when there is none, without waiting for this
 * process's other calls: what each of several processes does at once. A unique index on the
 * person key (MongoDB, cms/mongo/indexes.ts) refuses the second create, and the loser reads the
 * winner's lead (createOrJoin).
 */
export async function findOrCreateAcrossProcesses(payload: Payload, person: PersonLead): Promise<FoundLead> {
  const key = personKey(person)
  const find = async (): Promise<FoundLead | null> => {
    if (!key) return null
    const doc = (
      await payload.find({
        collection: 'leads',
        where: { [key[0]]: { equals: key[1] } },
        sort: 'createdAt',
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
    return doc ? { id: doc.id, member: idOf(doc.member), firstTouch: doc.firstTouch ?? null, created: false } : null
  }
  const create = async (): Promise<FoundLead> => {
    const { member, becameMemberAt, ...lead } = person
    const data = { ...lead, status: 'new' as const, ...(member == null ? {} : { member: toRelation(member), becameMemberAt }) }
    const doc = await payload.create({ collection: 'leads', data, depth: 0, overrideAccess: true, select: {} })
    return { id: doc.id, member: member ?? null, firstTouch: person.firstTouch, created: true }
  }
  return (await find()) ?? createOrJoin(create, find, LEAD_KEY_FIELDS)
}

/**
 * Through the Local API, for every adapter: one person's calls wait their turn in this process
 * (so a burst of one person's submissions costs one create), and across processes the database's
 * unique index decides (findOrCreateAcrossProcesses).
 */
export function localApiLeadStore(payload: Payload): LeadStore {
  return {
    findOrCreateLead(person) {
      const key = personKey(person)
      if (!key) return findOrCreateAcrossProcesses(payload, person)
      return serialize(`lead:${key[0]}:${key[1]}`, () => findOrCreateAcrossProcesses(payload, person))
    },
  }
}

/** The lead store of this database. */
export function leadStoreFor(payload: Payload): LeadStore {
  const client = sqliteClient(payload)
  return client ? sqliteLeadStore(client) : localApiLeadStore(payload)
}
