import type { Client, InStatement, Row } from '@libsql/client'
import type { Payload } from 'payload'

import type { PersonFacts, TouchFacts } from '../../functions/broadcasts/segment'
import type { BroadcastStore } from '../../functions/broadcasts/send'
import { requireSqliteClient } from '../database'
import { usesMongo } from '../database'
import { assemblePeople } from './people'
import { sqlSegmentCount, sqlSegmentRecipients, text } from './segment-sql'
import { localApiBroadcastStore } from './store'

const touch = (row: Row, prefix: 'first' | 'last'): TouchFacts | null =>
  row[`${prefix}_set`] ? { channel: text(row[`${prefix}_channel`]), campaign: text(row[`${prefix}_campaign`]) } : null

/** The channel and campaign of a stored touch (JSON text), read by SQLite instead of parsing every touch in JavaScript. */
const touchColumns = (table: string) =>
  ['first', 'last']
    .map(
      (p) =>
        `${table}.${p}_touch IS NOT NULL AND json_valid(${table}.${p}_touch) AS ${p}_set, json_extract(${table}.${p}_touch, ` +
        `'$.channel') AS ${p}_channel, json_extract(${table}.${p}_touch, '$.campaign') AS ${p}_campaign`,
    )
    .join(', ')

/**
 * The facts of every person, in six SQL statements over the tables Payload writes: the latest
 * consent per topic and the points per member are worked out by SQLite, so 100,000 subscribers are
 * read in well under a second (through the Local API the same read took tens of seconds).
 */
async function readPeople(client: Client): Promise<PersonFacts[]> {
  // One statement at a time on the adapter's connection (it has the busy timeout; a batch would open another).
  const [members, leads, consents, points, tiers, forms] = await Promise.all(
    [
      `SELECT id, email, name, preferred_language, lead_id, created_at, ${touchColumns('members')} FROM members WHERE erased_at IS NULL`,
      `SELECT id, email, name, status, owner_id, created_at, ${touchColumns('leads')} FROM leads WHERE anonymised_at IS NULL`,
      // The latest entry of each (member or lead, topic); a later id wins a tie, as the log is appended in order.
      `SELECT member_id, lead_id, topic, subscribed FROM (
         SELECT member_id, lead_id, topic, subscribed,
           ROW_NUMBER() OVER (PARTITION BY member_id, lead_id, topic ORDER BY at DESC, id DESC) AS n FROM consent_log
       ) WHERE n = 1`,
      `SELECT member_id, SUM(CASE WHEN kind = 'spend' THEN 0 ELSE points END) AS points FROM points_ledger GROUP BY member_id`,
      'SELECT id, min_points FROM tiers',
      'SELECT lead_id, group_concat(DISTINCT form_id) AS forms FROM submissions GROUP BY lead_id',
    ].map((sql) => client.execute(sql)),
  )
  const consentsOf = new Map<string, Map<string, boolean>>()
  const leadConsentsOf = new Map<string, Map<string, boolean>>()
  for (const row of consents!.rows) {
    const [map, person] = row.member_id !== null ? [consentsOf, String(row.member_id)] : [leadConsentsOf, String(row.lead_id)]
    const states = map.get(person) ?? map.set(person, new Map()).get(person)!
    states.set(String(row.topic), Boolean(row.subscribed))
  }
  return assemblePeople({
    members: members!.rows.map((r) => ({
      id: String(r.id),
      email: String(r.email),
      name: text(r.name),
      locale: text(r.preferred_language),
      leadId: text(r.lead_id),
      firstTouch: touch(r, 'first'),
      lastTouch: touch(r, 'last'),
      createdAt: String(r.created_at),
    })),
    leads: leads!.rows.map((r) => ({
      id: String(r.id),
      email: text(r.email),
      name: text(r.name),
      status: text(r.status),
      owner: text(r.owner_id),
      firstTouch: touch(r, 'first'),
      lastTouch: touch(r, 'last'),
      createdAt: String(r.created_at),
    })),
    consents: consentsOf,
    leadConsents: leadConsentsOf,
    tierPoints: new Map(points!.rows.map((r) => [String(r.member_id), Number(r.points)])),
    tiers: tiers!.rows.map((r) => ({ id: String(r.id), name: String(r.id), minPoints: Number(r.min_points), benefits: [] })),
    forms: new Map(
      forms!.rows.map((r) => [
        String(r.lead_id),
        String(r.forms ?? '')
          .split(',')
          .filter(Boolean),
      ]),
    ),
  })
}

/** Rows per INSERT: 11 values each, well under SQLite's limit of 32,766 bound values. */
const INSERT_ROWS = 500

/**
 * The broadcast sender's storage on SQLite: the same contract as the Local API store, with the
 * reads and writes that grow with the audience in SQL. A plan of 100,000 delivery rows is written
 * in 200 statements instead of 100,000 creates, and marking a batch sent is one statement, so
 * a batch is either marked entirely or not at all.
 */
export function sqliteBroadcastStore(payload: Payload): BroadcastStore {
  const client = requireSqliteClient(payload)
  const localApi = localApiBroadcastStore(payload)
  const suppressedHashes = async () =>
    new Set((await client.execute('SELECT address_hash FROM suppressions')).rows.map((r) => String(r.address_hash)))
  return {
    ...localApi,
    people: () => readPeople(client),
    suppressedHashes,
    recipients: async (segment, topic) => sqlSegmentRecipients(client, segment, { topic, suppressed: await suppressedHashes() }),
    countRecipients: async (segment, topic) => sqlSegmentCount(client, segment, { topic, suppressed: await suppressedHashes() }),
    async clearPlan(id) {
      await client.execute({ sql: 'DELETE FROM broadcast_deliveries WHERE broadcast_id = ?', args: [Number(id)] })
    },
    async insertDeliveries(id, rows) {
      const statements: InStatement[] = []
      for (let i = 0; i < rows.length; i += INSERT_ROWS) {
        const part = rows.slice(i, i + INSERT_ROWS)
        statements.push({
          sql: `INSERT INTO broadcast_deliveries (broadcast_id, recipient, email, name, locale, member, lead, batch, status)
            VALUES ${part.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, 'pending')").join(', ')}`,
          args: part.flatMap(({ recipient: r, batch }) => [Number(id), r.key, r.email, r.name, r.locale, r.memberId, r.leadId, batch]),
        })
      }
      for (const statement of statements) await client.execute(statement)
    },
    async openBatches(id) {
      const { rows } = await client.execute({
        sql: "SELECT DISTINCT batch FROM broadcast_deliveries WHERE broadcast_id = ? AND status = 'pending' ORDER BY batch",
        args: [Number(id)],
      })
      return rows.map((r) => Number(r.batch))
    },
    async batchRecipients(id, batch) {
      const { rows } = await client.execute({
        sql:
          'SELECT recipient, email, name, locale, member, lead FROM broadcast_deliveries ' +
          'WHERE broadcast_id = ? AND batch = ? ORDER BY recipient',
        args: [Number(id), batch],
      })
      return rows.map((r) => ({
        key: String(r.recipient),
        email: String(r.email),
        name: text(r.name),
        locale: text(r.locale),
        memberId: text(r.member),
        leadId: text(r.lead),
      }))
    },
    async markSent(id, batch, providerIds, at) {
      const ids = [...providerIds]
      if (ids.length === 0) return
      await client.execute({
        sql: `WITH ids(recipient, provider_id) AS (VALUES ${ids.map(() => '(?, ?)').join(', ')})
              UPDATE broadcast_deliveries SET status = 'sent', sent_at = ?,
                provider_id = (SELECT provider_id FROM ids WHERE ids.recipient = broadcast_deliveries.recipient)
              WHERE broadcast_id = ? AND batch = ?`,
        args: [...ids.flat(), at.toISOString(), Number(id), batch],
      })
    },
  }
}

/**
 * The broadcast store for this database: SQL on the embedded SQLite file, the Local API on MongoDB.
 * @example await sendBroadcast({ store: broadcastStoreFor(payload), … })
 */
export function broadcastStoreFor(payload: Payload): BroadcastStore {
  return usesMongo ? localApiBroadcastStore(payload) : sqliteBroadcastStore(payload)
}
