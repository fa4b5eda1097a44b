import type { InStatement, InValue } from '@libsql/client'

import type { Activity, ActivityKind, Id, NewActivity } from '../../functions/nurture/activity'
import type { Enrolment } from '../../functions/nurture/sequences'

// The nurture tables' rows as SQLite returns them, and the statements that write them: the shapes
// the SQLite nurture store (sqlite-store.ts) reads and writes.
export const ACTIVITY_COLUMNS = 'id, lead_id, visitor, kind, at, path, categories, form, ref, locale'
export const ENROLMENT_COLUMNS = 'id, sequence_id, lead_id, status, last_step, last_step_at, sent_steps, enrolled_at, next_due_at, locale'

export const text = (value: unknown) => (value === null || value === undefined ? null : String(value))
export const num = (id: Id) => Number(id)
export const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')

export function activityOf(row: Record<string, unknown>): Activity {
  let categories: string[] = []
  try {
    categories = row.categories ? (JSON.parse(String(row.categories)) as string[]) : []
  } catch {
    // A row written by hand with bad JSON has no categories rather than stopping the runner.
  }
  return {
    id: Number(row.id),
    lead: row.lead_id === null ? null : Number(row.lead_id),
    visitor: text(row.visitor),
    kind: String(row.kind) as ActivityKind,
    at: String(row.at),
    path: text(row.path),
    categories,
    form: text(row.form),
    ref: text(row.ref),
    locale: text(row.locale),
  }
}

/** The sent steps as stored (JSON text), forgiving a row without them. */
export function stepsOf(value: unknown): string[] {
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value
    return Array.isArray(parsed) ? parsed.map(String) : []
  } catch {
    return []
  }
}

export function enrolmentOf(row: Record<string, unknown>): Enrolment {
  return {
    id: Number(row.id),
    sequence: Number(row.sequence_id),
    lead: Number(row.lead_id),
    status: String(row.status) as Enrolment['status'],
    lastStep: text(row.last_step),
    lastStepAt: text(row.last_step_at),
    sentSteps: stepsOf(row.sent_steps),
    enrolledAt: String(row.enrolled_at),
    nextDueAt: text(row.next_due_at),
    locale: text(row.locale),
  }
}

/** The INSERT of activity rows; a row without a lead takes its visitor's lead, when the browser is known already. */
export function insertActivityStatements(rows: NewActivity[]): InStatement[] {
  const statements: InStatement[] = []
  // 9 parameters a row: 500 rows a statement stay well under SQLite's 32,766.
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500)
    statements.push({
      sql: `WITH v(lead, visitor, kind, at, path, categories, form, ref, locale) AS (
              VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')})
            INSERT INTO lead_activity (lead_id, visitor, kind, at, path, categories, form, ref, locale)
            SELECT COALESCE(v.lead,
                     (SELECT lead_id FROM touches WHERE visitor = v.visitor AND lead_id IS NOT NULL ORDER BY id DESC LIMIT 1),
                     (SELECT lead_id FROM lead_activity WHERE visitor = v.visitor AND lead_id IS NOT NULL ORDER BY id DESC LIMIT 1)),
                   v.visitor, v.kind, v.at, v.path, v.categories, v.form, v.ref, v.locale
            FROM v`,
      args: chunk.flatMap(
        (r) =>
          [
            r.lead === null || r.lead === undefined ? null : num(r.lead),
            r.visitor,
            r.kind,
            r.at,
            r.path,
            JSON.stringify(r.categories ?? []),
            r.form,
            r.ref,
            r.locale,
          ] as InValue[],
      ),
    })
  }
  return statements
}

/** The statement that queues a Payload job, in the same transaction as what it is about. */
export function queueJobStatement(task: string, input: Record<string, unknown>, now: string): InStatement {
  return {
    sql: `INSERT INTO payload_jobs (input, task_slug, queue, total_tried, has_error, processing, updated_at, created_at)
      VALUES (?, ?, 'default', 0, 0, 0, ?, ?)`,
    args: [JSON.stringify(input), task, now, now],
  }
}
