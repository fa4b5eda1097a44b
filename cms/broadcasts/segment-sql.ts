import type { Client, InValue } from '@libsql/client'

import { type Candidate, pickRecipients, type Recipient } from '../../functions/broadcasts/recipients'
import type { Segment, SegmentRule } from '../../functions/broadcasts/segment'

// A segment's rules as one SQL query on the embedded SQLite file, so that counting 100,000
// subscribers reads only the people it matches (issue 15: a count under a second). It says in SQL
// what functions/broadcasts/segment.ts says in JavaScript over the people sqlite-store.ts reads;
// tests/integration/segment-sql.test.ts holds the two to the same answers.

/** Whether a touch column holds a touch, as sqlite-store.ts reads it. */
/** A column's value as text, or null. */
export const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))

const isTouch = (column: string) => `(${column} IS NOT NULL AND json_valid(${column}))`
const touchOf = (prefix: 'first' | 'last') =>
  `CASE WHEN ${isTouch(`m.${prefix}_touch`)} THEN m.${prefix}_touch WHEN ${isTouch(`l.${prefix}_touch`)} THEN l.${prefix}_touch END`

/**
 * Everyone a broadcast may go to, one row each: members (with their lead's name, touches, status and
 * owner), and leads that are no member's. Two queries rather than one UNION, so that SQLite
 * flattens each into a plain scan; the touch columns, the costliest (JSON checks on every row),
 * only when a rule looks at touches.
 */
const memberPeople = (touches: boolean) => `
  SELECT 'm:' || m.id AS key, m.id AS member_id, m.lead_id AS lead_id, m.email AS email,
    COALESCE(m.name, l.name) AS name, m.preferred_language AS locale, m.created_at AS since,
    ${touches ? `${touchOf('first')} AS first_touch, ${touchOf('last')} AS last_touch,` : ''}
    l.status AS lead_status, l.owner_id AS lead_owner
  FROM members m LEFT JOIN leads l ON l.id = m.lead_id AND l.anonymised_at IS NULL
  WHERE m.erased_at IS NULL`
const leadPeople = (touches: boolean) => `
  SELECT 'l:' || l.id AS key, NULL AS member_id, l.id AS lead_id, l.email AS email, l.name AS name, NULL AS locale, l.created_at AS since,
    ${
      touches
        ? `CASE WHEN ${isTouch('l.first_touch')} THEN l.first_touch END AS first_touch,
      CASE WHEN ${isTouch('l.last_touch')} THEN l.last_touch END AS last_touch,`
        : ''
    }
    l.status AS lead_status, l.owner_id AS lead_owner
  FROM leads l
  WHERE l.anonymised_at IS NULL AND l.email IS NOT NULL AND l.email <> ''
    AND l.id NOT IN (SELECT lead_id FROM members WHERE lead_id IS NOT NULL AND erased_at IS NULL)`

/**
 * The person's latest choice on a topic (1, 0, or NULL when never asked): their own entries first,
 * their lead's otherwise. An entry names a member or a lead, never both (the collection's own
 * check), so a lead's entries need no `member_id IS NULL`, which would steer SQLite to the wrong index.
 */
const TOPIC_STATE = `COALESCE(
  (SELECT c.subscribed FROM consent_log c WHERE c.member_id = p.member_id AND c.topic = ? ORDER BY c.at DESC, c.id DESC LIMIT 1),
  (SELECT c.subscribed FROM consent_log c WHERE c.lead_id = p.lead_id AND c.topic = ? ORDER BY c.at DESC, c.id DESC LIMIT 1))`

/** A member's points toward a tier: everything earned, spending aside. */
const POINTS = `COALESCE((SELECT SUM(CASE WHEN x.kind = 'spend' THEN 0 ELSE x.points END)
  FROM points_ledger x WHERE x.member_id = p.member_id), 0)`

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
        `p.member_id IS NOT NULL AND (SELECT CAST(t.id AS TEXT) FROM tiers t
          WHERE t.min_points >= 0 AND t.min_points <= ${POINTS} ORDER BY t.min_points DESC, t.id DESC LIMIT 1) = ?`,
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
 * The people the rules match, with whether each left the topic, in assemblePeople's order. With
 * `details` false only what counting needs is read (key, address, member or not): reading every
 * column of 100,000 rows is what a count would otherwise spend most of its time on.
 */
async function candidates(client: Client, segment: Segment, topic: string, details: boolean): Promise<Candidate[]> {
  if (segment.rules.length === 0) return []
  const conditions = segment.rules.map(condition)
  const where = conditions.map(([sql]) => `(${sql})`).join(segment.match === 'all' ? ' AND ' : ' OR ')
  const columns = details ? 'p.key, p.email, p.name, p.locale, p.member_id, p.lead_id' : 'p.key, p.email, p.member_id'
  const touches = segment.rules.some((r) => r.kind === 'touch')
  // Everyone an all-rule "subscribed to the topic" matches is subscribed: nobody of them left it,
  // and asking again for each person would cost a third of the query (the newsletter segment).
  const subscribedByRule = segment.match === 'all' && segment.rules.some((r) => r.kind === 'topic' && r.topic === topic)
  const left = subscribedByRule ? '0' : `IFNULL(${TOPIC_STATE}, 1) = 0`
  const args = [...(subscribedByRule ? [] : [topic, topic]), ...conditions.flatMap(([, values]) => values)]
  // Members first, then leads, each in id order: the order assemblePeople makes them in.
  const found = []
  for (const [people, order] of [
    [memberPeople(touches), 'p.member_id'],
    [leadPeople(touches), 'p.lead_id'],
  ] as const)
    found.push(
      await client.execute({
        sql: `SELECT ${columns}, ${left} AS left_topic FROM (${people}) p WHERE ${where} ORDER BY ${order}`,
        args,
      }),
    )
  const rows = found.flatMap((result) => result.rows)
  return rows.map((r) => ({
    key: String(r.key),
    email: String(r.email),
    name: details ? text(r.name) : null,
    locale: details ? text(r.locale) : null,
    memberId: text(r.member_id),
    leadId: details ? text(r.lead_id) : null,
    left: Boolean(r.left_topic),
  }))
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
  return pickRecipients(await candidates(client, segment, topic, true), suppressed)
}

/**
 * How many recipients a broadcast to `segment` would have, and the first ten in full, as the
 * segment editor's live count shows them: the same choice as sqlSegmentRecipients, reading the
 * details of those ten only.
 */
export async function sqlSegmentCount(
  client: Client,
  segment: Segment,
  { topic, suppressed }: { topic: string; suppressed: ReadonlySet<string> },
): Promise<{ count: number; first: Recipient[] }> {
  const picked = pickRecipients(await candidates(client, segment, topic, false), suppressed)
  const first = picked.slice(0, 10)
  const idsOf = (prefix: string) => first.filter((r) => r.key.startsWith(prefix)).map((r) => Number(r.key.slice(2)))
  const [members, leads] = [idsOf('m:'), idsOf('l:')]
  const details = new Map<string, { name: string | null; locale: string | null; leadId: string | null }>()
  if (members.length)
    for (const r of (
      await client.execute({
        sql: `SELECT m.id, COALESCE(m.name, l.name) AS name, m.preferred_language AS locale, m.lead_id
              FROM members m LEFT JOIN leads l ON l.id = m.lead_id AND l.anonymised_at IS NULL
              WHERE m.id IN (${members.map(() => '?').join(', ')})`,
        args: members,
      })
    ).rows)
      details.set(`m:${r.id}`, { name: text(r.name), locale: text(r.locale), leadId: text(r.lead_id) })
  if (leads.length)
    for (const r of (
      await client.execute({ sql: `SELECT id, name FROM leads WHERE id IN (${leads.map(() => '?').join(', ')})`, args: leads })
    ).rows)
      details.set(`l:${r.id}`, { name: text(r.name), locale: null, leadId: String(r.id) })
  return { count: picked.length, first: first.map((r) => ({ ...r, ...details.get(r.key) })) }
}
