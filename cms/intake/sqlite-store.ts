import type { InStatement } from '@libsql/client'
import type { Payload } from 'payload'

import type { IntakeStore, LeadRef, NewLead } from '../../functions/lead-intake/intake'
import { requireSqliteClient, sqliteWrites } from '../database'
import { leadStatements } from './lead-store'
import { localApiIntakeStore } from './local-api-store'
import { NOTIFICATION_TASKS } from './tasks'

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value))
const isNew = (lead: LeadRef | NewLead): lead is NewLead => !('id' in lead)

type StoreArgs = Parameters<IntakeStore['storeSubmission']>[0]

/**
 * The statements that store one submission: its lead unless known, the submission, its jobs, its
 * activity, and a read of what was stored.
 */
function submissionStatements({ lead, submission: s, notify, activity }: StoreArgs): InStatement[] {
  const now = new Date().toISOString()
  const statements: InStatement[] = []
  let leadSql = '?'
  let leadArgs: (string | number)[]
  if (!isNew(lead)) leadArgs = [Number(lead.id)]
  else {
    const found = leadStatements(lead, now)
    statements.push(...found.statements)
    ;({ leadSql, leadArgs } = found)
  }
  statements.push({
    sql: `INSERT INTO submissions (form_id, lead_id, "values", consents, locale, page_url, user_agent, ip_hash, visitor,
            first_touch, last_touch, spam_score, spam_reasons, is_spam, conflict, updated_at, created_at)
          VALUES (?, ${leadSql}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      Number(s.form),
      ...leadArgs,
      json(s.values),
      json(s.consents),
      s.locale,
      s.pageUrl,
      s.userAgent,
      s.ipHash,
      s.visitor ?? null,
      json(s.firstTouch),
      json(s.lastTouch),
      s.spam.score,
      json(s.spam.reasons),
      s.spam.isSpam ? 1 : 0,
      s.conflict,
      now,
      now,
    ],
  })
  // The newest submission is this one: the transaction holds the database's write lock.
  for (const kind of notify) {
    statements.push({
      sql: `INSERT INTO payload_jobs (input, task_slug, queue, total_tried, has_error, processing, updated_at, created_at)
            SELECT json_object('submissionId', CAST(MAX(id) AS TEXT)), ?, 'default', 0, 0, 0, ?, ? FROM submissions`,
      args: [NOTIFICATION_TASKS[kind], now, now],
    })
  }
  if (activity) {
    statements.push({
      sql: `INSERT INTO lead_activity (lead_id, visitor, kind, at, path, categories, form, ref, locale)
            SELECT lead_id, visitor, 'form-submitted', ?, NULL, '[]', CAST(form_id AS TEXT), CAST(id AS TEXT), locale
            FROM submissions WHERE id = (SELECT MAX(id) FROM submissions)`,
      args: [activity.at],
    })
  }
  statements.push('SELECT id, lead_id FROM submissions WHERE id = (SELECT MAX(id) FROM submissions)')
  return statements
}

/**
 * Lead intake's storage on the embedded SQLite database, in SQL on the tables Payload created
 * (see cms/migrations). A submission's rows are written in one transaction: the lead (unless the same person
 * is already stored), the submission and its queued jobs are kept together or not at all, so an
 * answered submission always has its emails queued. Payload's Local API costs ~3 ms per write
 * here against ~0.3 ms for the statement itself, and intake must take hundreds a second: the
 * submissions of one moment share one transaction (cms/group-commit.ts), written by the site's
 * primary for every site process when there are several (cms/shared-writes.ts).
 * Submissions with files go through the Local API, which stores the uploads.
 */
export function sqliteIntakeStore(payload: Payload): IntakeStore {
  const client = requireSqliteClient(payload)
  const general = localApiIntakeStore(payload)
  const leadId = async (column: 'email' | 'phone', value: string | null) => {
    if (!value) return null
    const { rows } = await client.execute({
      sql: `SELECT id FROM leads WHERE ${column} = ? ORDER BY created_at, id LIMIT 1`,
      args: [value],
    })
    return rows[0] ? { id: Number(rows[0].id) } : null
  }
  const write = sqliteWrites(payload)
  return {
    findLeads: async ({ email, phone }) => ({ byEmail: await leadId('email', email), byPhone: await leadId('phone', phone) }),
    storeFiles: general.storeFiles,
    storeSubmission: async (args) => {
      const { submission: s } = args
      if (Object.values(s.values).some((v) => v && typeof v === 'object' && 'file' in v)) return general.storeSubmission(args)
      const results = await write(submissionStatements(args))
      const row = results[results.length - 1]!.rows[0]!
      return { submissionId: Number(row.id), leadId: Number(row.lead_id) }
    },
  }
}
