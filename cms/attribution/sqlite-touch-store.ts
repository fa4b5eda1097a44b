import type { InStatement } from '@libsql/client'
import type { Payload } from 'payload'

import type { Touch } from '../../functions/attribution/touch'
import type { TouchStore } from '../../functions/attribution/touch-recorder'
import { requireSqliteClient } from '../database'

const COLUMNS = 'visitor, at, channel, source, medium, campaign, content, term, referrer, landing_page, campaign_link, referral_code'
const ROW_SQL =
  'SELECT at, channel, source, medium, campaign, content, term, referrer, landing_page, campaign_link, referral_code ' +
  'FROM touches WHERE visitor = ?'

function touchOf(row: Record<string, unknown> | undefined): Touch | null {
  if (!row) return null
  const text = (key: string) => (row[key] === null || row[key] === undefined ? null : String(row[key]))
  return {
    channel: text('channel') as Touch['channel'],
    source: text('source'),
    medium: text('medium'),
    campaign: text('campaign'),
    content: text('content'),
    term: text('term'),
    referrer: text('referrer'),
    landingPage: text('landing_page'),
    campaignLink: text('campaign_link'),
    referralCode: text('referral_code'),
    at: text('at')!,
  }
}

/**
 * Touches and clicks on the embedded SQLite database, in SQL on the tables of cms/migrations: a
 * batch of touches is one INSERT, clicks are added to their day's row in place, so that thousands
 * of redirects a second cost a few writes. Reads go through the same client.
 */
export function sqliteTouchStore(payload: Payload): TouchStore {
  const client = requireSqliteClient(payload)
  return {
    insertTouches: async (rows) => {
      const statements: InStatement[] = []
      // SQLite takes at most 32,766 parameters in one statement: 12 a row, 1,000 rows a statement.
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000)
        statements.push({
          sql: `INSERT INTO touches (${COLUMNS}) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          args: chunk.flatMap(({ visitor, touch: t }) => [
            visitor,
            t.at,
            t.channel,
            t.source,
            t.medium,
            t.campaign,
            t.content,
            t.term,
            t.referrer,
            t.landingPage,
            t.campaignLink ?? null,
            t.referralCode ?? null,
          ]),
        })
      }
      await client.batch(statements, 'write')
    },
    addClicks: async (rows) => {
      await client.batch(
        rows.map((row) => ({
          sql:
            'INSERT INTO link_clicks (link, day, count) VALUES (?, ?, ?) ' +
            'ON CONFLICT (link, day) DO UPDATE SET count = count + excluded.count',
          args: [row.link, row.day, row.count],
        })),
        'write',
      )
    },
    touchesOf: async (visitor, before) => {
      const [first, last] = await client.batch(
        [
          { sql: `${ROW_SQL} ORDER BY at, id LIMIT 1`, args: [visitor] },
          { sql: `${ROW_SQL} AND at <= ? ORDER BY at DESC, id DESC LIMIT 1`, args: [visitor, before.toISOString()] },
        ],
        'read',
      )
      return {
        first: touchOf(first!.rows[0] as Record<string, unknown> | undefined),
        last: touchOf(last!.rows[0] as Record<string, unknown> | undefined),
      }
    },
    linkVisitor: async (visitor, lead) => {
      await client.execute({ sql: 'UPDATE touches SET lead_id = ? WHERE visitor = ? AND lead_id IS NULL', args: [Number(lead), visitor] })
    },
  }
}
