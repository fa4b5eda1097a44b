import type { Client, InValue } from '@libsql/client'

import { type Candidate, pickRecipients, type Recipient } from '../../functions/broadcasts/recipients'
import type { Segment, SegmentRule } from '../../functions/broadcasts/segment'

// A segment's rules as one SQL query on the embedded SQLite file, so that counting 100,000
// subscribers reads only the people it matches (issue 15: a count under a second). It says in SQL
// what functions/broadcasts/segment.ts says in JavaScript over the people sqlite-store.ts reads;
// tests/integration/segment-sql.test.ts holds the two to the same answers.

/** Whether a touch column holds a touch, as sqlite-store.ts reads it. */
const isTouch = (column: string) => `(${column} IS NOT NULL AND json_valid(${column}))`
const touchOf = (prefix: 'first' | 'last') =>
  `CASE WHEN ${isTouch(`m.${prefix}_touch`)} THEN m.${prefix}_touch WHEN ${isTouch(`l.${prefix}_touch`)} THEN l.${prefix}_touch END`

/**
 * Everyone a broadcast may go to, one row each, in the order assemblePeople makes them: members
 * (with their lead's name, touches, status and owner) by id, then leads that are no member's by id.
 */
const PEOPLE = `
  SELECT 'm:' || m.id AS key, 0 AS is_lead, m.id AS member_id, m.lead_id AS lead_id, m.email AS email,
    COALESCE(m.name, l.name) AS name, m.preferred_language AS locale, m.created_at AS since,
    ${touchOf('first')} AS first_touch, ${touchOf('last')} AS last_touch, l.status AS lead_status, l.owner_id AS lead_owner
  FROM members m LEFT JOIN leads l ON l.id = m.lead_id AND l.anonymised_at IS NULL
  WHERE m.erased_at IS NULL
  UNION ALL
  SELECT 'l:' || l.id, 1, NULL, l.id, l.email, l.name, NULL, l.created_at,
    CASE WHEN ${isTouch('l.first_touch')} THEN l.first_touch END, CASE WHEN ${isTouch('l.last_touch')} THEN l.last_touch END,
    l.status, l.owner_id
  FROM leads l
  WHERE l.anonymised_at IS NULL AND l.email IS NOT NULL AND l.email <> ''
    AND l.id NOT IN (SELECT lead_id FROM members WHERE lead_id IS NOT NULL AND erased_at IS NULL)`

/** The person's latest choice on a topic (1, 0, or NULL when never asked): their own entries first, their lead's otherwise. */
const TOPIC_STATE = `COALESCE(
  (SELECT c.subscribed FROM consent_log c WHERE c.member_id = p.member_id AND c.topic = ? ORDER BY c.at DESC, c.id DESC LIMIT 1),
  (SELECT c.subscribed FROM consent_log c WHERE c.lead_id = p.lead_id AND c.member_id IS NULL AND c.topic = ? ORDER BY c.at DESC, c.id DESC LIMIT 1))`

/** A member's points toward a tier: everything earned, spending aside. */
const POINTS = `COALESCE((SELECT SUM(CASE WHEN x.kind = 'spend' THEN 0 ELSE x.points END) FROM points_ledger x WHERE x.member_id = p.member_id), 0)`

const trimmed = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : '')

function touchCondition(rule: Extract<SegmentRule, { kind: 'touch' }>): [string, InValue[]] {
  const column = rule.touch === 'first' ? 'p.first_touch' : 'p.last_touch'
  const parts = [`${column} IS NOT NULL`]
  const args: InValue[] = []
  for (const field of ['channel', 'campaign'] as const) {
    const value = trimmed(rule[field])
    if (!value) continue
    parts.push(`json_extract(${column}, '$.${field}') = ?`)
    args.push(value)
  }
  return [parts.join(' AND '), args]
}

/** One rule as a condition on the person row `p`, with its arguments. */
function condition(rule: SegmentRule): [string, InValue[]] {
  switch (rule.kind) {
    case 'topic':
      return [`${TOPIC_STATE} = 1`, [rule.topic, rule.topic]]
    case 'tier':
      return [
        `p.member_id IS NOT NULL AND (SELECT CAST(t.id AS TEXT) FROM tiers t WHERE t.min_points >= 0 AND t.min_points <= ${POINTS} ORDER BY t.min_points DESC, t.id DESC LIMIT 1) = ?`,
        [String(rule.tier)],
      ]
    case 'locale':
      return ['p.locale = ?', [rule.locale]]
    case 'touch':
      return touchCondition(rule)
    case 'leadStatus':
      return ['p.lead_status = ?', [rule.status]]
    case 'leadOwner':
      return ['CAST(p.lead_owner AS TEXT) = ?', [String(rule.owner)]]
    case 'form':
      return ['EXISTS (SELECT 1 FROM submissions s WHERE s.lead_id = p.lead_id AND CAST(s.form_id AS TEXT) = ?)', [String(rule.form)]]
    case 'since':
      return ['p.since >= ?', [new Date(Date.parse(rule.since)).toISOString()]]
    case 'points':
      return [`${POINTS} > ?`, [rule.above]]
  }
}

/**
 * The recipients of a broadcast to `segment` about `topic`, found by SQLite: the people the rules
 * match and whether each left the topic come from one query; the address checks, suppressions (kept
 * as SHA-256 hashes, which SQLite cannot compute) and one-per-address are pickRecipients', as on
 * every store. A segment without rules matches nobody.
 */
export async function sqlSegmentRecipients(
  client: Client,
  segment: Segment,
  { topic, suppressed }: { topic: string; suppressed: ReadonlySet<string> },
): Promise<Recipient[]> {
  if (segment.rules.length === 0) return []
  const conditions = segment.rules.map(condition)
  const where = conditions.map(([sql]) => `(${sql})`).join(segment.match === 'all' ? ' AND ' : ' OR ')
  const { rows } = await client.execute({
    sql: `SELECT p.key, p.email, p.name, p.locale, p.member_id, p.lead_id, IFNULL(${TOPIC_STATE}, 1) = 0 AS left_topic
          FROM (${PEOPLE}) p WHERE ${where} ORDER BY p.is_lead, COALESCE(p.member_id, p.lead_id)`,
    args: [topic, topic, ...conditions.flatMap(([, args]) => args)],
  })
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value))
  function* candidates(): Iterable<Candidate> {
    for (const r of rows)
      yield {
        key: String(r.key),
        email: String(r.email),
        name: text(r.name),
        locale: text(r.locale),
        memberId: text(r.member_id),
        leadId: text(r.lead_id),
        left: Boolean(r.left_topic),
      }
  }
  return pickRecipients(candidates(), suppressed)
}
