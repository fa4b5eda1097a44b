import type { InStatement, InValue } from '@libsql/client'
import type { Payload } from 'payload'

import { hashAddress } from '../../functions/broadcasts/recipients'
import type { Id, NewActivity } from '../../functions/nurture/activity'
import type { LeadState, NurtureStore } from '../../functions/nurture/runner'
import { requireSqliteClient, sqliteWrites } from '../database'
import { readRules, readSequences, readThreshold } from './definitions'
import {
  ACTIVITY_COLUMNS,
  activityOf,
  ENROLMENT_COLUMNS,
  enrolmentOf,
  insertActivityStatements,
  marks,
  num,
  queueJobStatement,
  text,
} from './sqlite-rows'

/**
 * The nurture runner's store on the embedded SQLite database: each batch is read with a few
 * queries and written in one transaction (score changes, lead scores, follow-up activities,
 * enrolments, queued jobs, processed marks), so that thousands of events a second cost a few
 * writes. Rules and sequences are read through the Local API (a handful of rows).
 */
export function sqliteNurtureStore(payload: Payload, clock: () => Date = () => new Date()): NurtureStore {
  const client = requireSqliteClient(payload)
  const rows = async (sql: string, args: InValue[]): Promise<Record<string, unknown>[]> => (await client.execute({ sql, args })).rows
  return {
    pendingActivity: async (limit) =>
      (
        await rows(`SELECT ${ACTIVITY_COLUMNS} FROM lead_activity WHERE processed_at IS NULL AND lead_id IS NOT NULL ORDER BY id LIMIT ?`, [
          limit,
        ])
      ).map(activityOf),
    rules: () => readRules(payload),
    threshold: () => readThreshold(payload),
    sequences: () => readSequences(payload),
    async leads(ids) {
      if (!ids.length) return []
      const found = await rows(
        `SELECT id, email, score, status, qualified_at, anonymised_at FROM leads WHERE id IN (${marks(ids.length)})`,
        ids.map(num),
      )
      const emails = found.map((r) => text(r.email)).filter((e): e is string => Boolean(e))
      const hashes = emails.map(hashAddress)
      const suppressed = new Set(
        hashes.length
          ? (await rows(`SELECT address_hash FROM suppressions WHERE address_hash IN (${marks(hashes.length)})`, hashes)).map((r) =>
              String(r.address_hash),
            )
          : [],
      )
      return found.map((r): LeadState => ({
        id: Number(r.id),
        score: Number(r.score ?? 0),
        status: String(r.status ?? 'new'),
        qualifiedAt: text(r.qualified_at),
        unsubscribed: Boolean(r.email && suppressed.has(hashAddress(String(r.email)))),
        erased: r.anonymised_at !== null && r.anonymised_at !== undefined,
      }))
    },
    async viewTimes(leads, since) {
      const map = new Map<string, number[]>()
      if (!leads.length) return map
      for (const r of await rows(
        `SELECT lead_id, at FROM lead_activity WHERE kind = 'page-view' AND at >= ? AND lead_id IN (${marks(leads.length)})`,
        [since, ...leads.map(num)],
      )) {
        const key = String(r.lead_id)
        map.set(key, [...(map.get(key) ?? []), Date.parse(String(r.at))])
      }
      return map
    },
    async lastFired(leads, rules) {
      const map = new Map<string, number>()
      if (!leads.length || !rules.length) return map
      for (const r of await rows(
        `SELECT lead_id, rule_id, MAX(at) AS at FROM score_changes
          WHERE points > 0 AND lead_id IN (${marks(leads.length)}) AND rule_id IN (${marks(rules.length)}) GROUP BY lead_id, rule_id`,
        [...leads.map(num), ...rules.map(num)],
      )) {
        map.set(`${r.lead_id}/${r.rule_id}`, Date.parse(String(r.at)))
      }
      return map
    },
    enrolmentsOf: async (leads) =>
      leads.length
        ? (
            await rows(`SELECT ${ENROLMENT_COLUMNS} FROM sequence_enrolments WHERE lead_id IN (${marks(leads.length)})`, leads.map(num))
          ).map(enrolmentOf)
        : [],
    async commit(batch) {
      const now = clock().toISOString()
      const statements: InStatement[] = []
      for (let i = 0; i < batch.changes.length; i += 1000) {
        const chunk = batch.changes.slice(i, i + 1000)
        statements.push({
          sql: `INSERT INTO score_changes (lead_id, rule_id, points, reason, activity, at, expires_at, expired)
                VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, 0)').join(', ')}`,
          args: chunk.flatMap((c) => [
            num(c.lead),
            c.rule === null ? null : num(c.rule),
            c.points,
            c.reason,
            c.activity === null ? null : num(c.activity),
            c.at,
            c.expiresAt,
          ]),
        })
      }
      for (const lead of batch.leads) {
        statements.push({
          sql: `UPDATE leads SET score = COALESCE(score, 0) + ?,
                last_activity_at = CASE WHEN ? IS NOT NULL AND (last_activity_at IS NULL OR last_activity_at < ?)
                  THEN ? ELSE last_activity_at END,
                qualified_at = COALESCE(qualified_at, ?), status = CASE WHEN ? = 1 THEN 'qualified' ELSE status END,
                updated_at = ? WHERE id = ?`,
          args: [
            lead.scoreDelta,
            lead.lastActivityAt,
            lead.lastActivityAt,
            lead.lastActivityAt,
            lead.crossedAt,
            lead.qualify ? 1 : 0,
            now,
            num(lead.lead),
          ],
        })
        // Told once: qualifiedAt was empty before this batch (the runner checked), and is set in the same transaction.
        if (lead.crossedAt) statements.push(queueJobStatement('notifyQualified', { leadId: String(lead.lead) }, now))
      }
      statements.push(...insertActivityStatements(batch.activities))
      for (const e of batch.enrolments) {
        statements.push({
          sql: `INSERT INTO sequence_enrolments (sequence_id, lead_id, status, last_step, last_step_at, sent_count, sent_steps,
                  enrolled_at, next_due_at, locale, updated_at, created_at)
                VALUES (?, ?, 'active', NULL, NULL, 0, '[]', ?, ?, ?, ?, ?)`,
          args: [num(e.sequence), num(e.lead), e.enrolledAt, e.nextDueAt, e.locale, now, now],
        })
      }
      for (let i = 0; i < batch.processed.length; i += 5000) {
        const chunk = batch.processed.slice(i, i + 5000)
        statements.push({
          sql: `UPDATE lead_activity SET processed_at = ? WHERE id IN (${marks(chunk.length)})`,
          args: [now, ...chunk.map(num)],
        })
      }
      await client.batch(statements, 'write')
    },
    async expiredChanges(now, limit) {
      const found = await rows(
        `SELECT id, lead_id, rule_id, points, reason, activity, at, expires_at FROM score_changes
          WHERE expired = 0 AND expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at LIMIT ?`,
        [now.toISOString(), limit],
      )
      return found.map((r) => ({
        id: Number(r.id),
        lead: Number(r.lead_id),
        rule: r.rule_id === null ? null : Number(r.rule_id),
        points: Number(r.points),
        reason: String(r.reason),
        activity: r.activity === null ? null : Number(r.activity),
        at: String(r.at),
        expiresAt: text(r.expires_at),
      }))
    },
    async commitDecay(reversals, expired) {
      const statements: InStatement[] = [
        { sql: `UPDATE score_changes SET expired = 1 WHERE id IN (${marks(expired.length)})`, args: expired.map(num) },
      ]
      for (const c of reversals) {
        statements.push({
          sql: `INSERT INTO score_changes (lead_id, rule_id, points, reason, activity, at, expires_at, expired)
                VALUES (?, ?, ?, ?, NULL, ?, NULL, 0)`,
          args: [num(c.lead), c.rule === null ? null : num(c.rule), c.points, c.reason, c.at],
        })
        statements.push({ sql: 'UPDATE leads SET score = COALESCE(score, 0) + ? WHERE id = ?', args: [c.points, num(c.lead)] })
      }
      await client.batch(statements, 'write')
    },
    dueEnrolments: async (now, limit) =>
      (
        await rows(
          `SELECT ${ENROLMENT_COLUMNS} FROM sequence_enrolments
            WHERE status = 'active' AND sending IS NULL AND next_due_at IS NOT NULL AND next_due_at <= ? ORDER BY next_due_at LIMIT ?`,
          [now.toISOString(), limit],
        )
      ).map(enrolmentOf),
    async queueSteps(steps) {
      const now = clock().toISOString()
      // The job and the mark together: a step is queued once, and never lost between the two.
      await client.batch(
        steps.flatMap((s) => [
          queueJobStatement('sendSequenceStep', { enrolment: String(s.enrolment), step: s.step, dueAt: s.dueAt }, now),
          { sql: 'UPDATE sequence_enrolments SET sending = ?, updated_at = ? WHERE id = ?', args: [s.step, now, num(s.enrolment)] },
        ]),
        'write',
      )
    },
    async reschedule(moves) {
      await client.batch(
        moves.map((m) => ({ sql: 'UPDATE sequence_enrolments SET next_due_at = ? WHERE id = ?', args: [m.nextDueAt, num(m.enrolment)] })),
        'write',
      )
    },
    async endEnrolments(ends) {
      await client.batch(
        ends.map((e) => ({
          sql: `UPDATE sequence_enrolments SET status = ?, exit_reason = ?, ended_at = ?, next_due_at = NULL, updated_at = ?
                WHERE id = ? AND status = 'active'`,
          args: [e.status, e.reason, e.at, e.at, num(e.enrolment)],
        })),
        'write',
      )
    },
  }
}

/** Writes activity rows (page views in batches, submissions, downloads, clicks) on SQLite. */
/** Activity of one moment (a burst's submissions) is written in one transaction: cms/group-commit.ts, cms/shared-writes.ts. */
export async function sqliteInsertActivity(payload: Payload, rows: NewActivity[]): Promise<void> {
  if (!rows.length) return
  await sqliteWrites(payload)(insertActivityStatements(rows))
}

/** A browser's activity that belongs to nobody yet becomes this lead's (at a submission, or a member's confirmation). */
export async function sqliteLinkVisitor(payload: Payload, visitor: string, lead: Id): Promise<void> {
  const client = requireSqliteClient(payload)
  await client.execute({ sql: 'UPDATE lead_activity SET lead_id = ? WHERE visitor = ? AND lead_id IS NULL', args: [num(lead), visitor] })
}
