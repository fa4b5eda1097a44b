import type { Client } from '@libsql/client'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Segment, SegmentRule } from '../../functions/broadcasts/segment'
import { startPayload } from './payload'

// The segment rules in SQL (cms/broadcasts/segment-sql.ts) must pick exactly the recipients the
// JavaScript rules pick over the people both stores read: this holds every rule kind, alone and
// combined with all/any, to the same answer over people made to hit every edge the rules have.
let payload: Payload
let cleanup: () => Promise<void>
let client: Client
const ids = { tiers: [] as string[], forms: [] as string[], owners: [] as string[] }

/** A fixed sequence of pseudo-random numbers, so a failure names a segment that fails again. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
}

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  client = (await import('../../cms/database')).requireSqliteClient(payload)
  const base = { overrideAccess: true, depth: 0 } as const
  for (const [name, minPoints] of [
    ['Silver', 0],
    ['Gold', 50],
    ['Gold too', 50],
    ['Jade', 200],
  ] as const)
    ids.tiers.push(String((await payload.create({ collection: 'tiers', data: { name, minPoints }, ...base })).id))
  for (const email of ['owner.a@brand.example', 'owner.b@brand.example'])
    ids.owners.push(
      String((await payload.create({ collection: 'users', data: { email, password: 'Lantern-garden 42', role: 'sales' }, ...base })).id),
    )
  for (const name of ['Contact', 'Demo'])
    ids.forms.push(
      String((await payload.create({ collection: 'forms', data: { name, defaultRecipient: 's@brand.example', fields: [] }, ...base })).id),
    )
  const next = random(7)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const touch = () =>
    pick([
      null,
      { channel: 'wechat', campaign: 'spring' },
      { channel: 'wechat', campaign: null },
      { channel: 'search', campaign: 'spring' },
    ])
  const leads: number[] = []
  for (let i = 0; i < 40; i++) {
    // Some leads share an address (the later one counts), some have none, some are anonymised.
    const email = i % 9 === 8 ? null : `person${i % 30}@example.com`
    const lead = await payload.create({
      collection: 'leads',
      data: {
        email,
        name: i % 4 ? `Lead ${i}` : null,
        status: pick(['new', 'contacted', 'qualified', 'won']),
        owner: pick([null, ...ids.owners.map(Number)]),
        firstTouch: touch(),
        lastTouch: touch(),
        ...(i % 13 === 12 ? { anonymisedAt: '2026-02-01T00:00:00.000Z' } : {}),
      },
      ...base,
    })
    leads.push(lead.id as number)
    if (next() < 0.5)
      await payload.create({
        collection: 'submissions',
        data: { form: Number(pick(ids.forms)), lead: lead.id, values: {} },
        ...base,
      })
  }
  for (let i = 0; i < 30; i++) {
    const lead = i % 3 === 0 ? pick(leads) : null
    const member = await payload.create({
      collection: 'members',
      data: {
        email: `member${i}@example.com`,
        name: i % 5 ? `Member ${i}` : null,
        preferredLanguage: pick(['zh-CN', 'en', null]),
        lead,
        firstTouch: i % 2 ? touch() : null,
        lastTouch: touch(),
        ...(i % 11 === 10 ? { erasedAt: '2026-02-01T00:00:00.000Z' } : {}),
      },
      ...base,
    })
    // Straight into the ledger: the collection's own hook makes every admin write an editor's grant.
    for (let k = Math.floor(next() * 3); k > 0; k--)
      await client.execute({
        sql: "INSERT INTO points_ledger (member_id, kind, reason, points, ref, at) VALUES (?, ?, 'reward', ?, ?, '2026-01-01T00:00:00.000Z')",
        args: [member.id as number, pick(['earn', 'adjust', 'spend']), pick([10, 40, 150]), `r${i}-${k}`],
      })
  }
  // Consent entries of members and of leads, on two topics, some changed later (the latest counts).
  const members = (await payload.find({ collection: 'members', limit: 0, pagination: false, ...base })).docs
  for (let i = 0; i < 80; i++) {
    const who = next() < 0.5 ? { member: pick(members).id } : { lead: pick(leads) }
    await payload.create({
      collection: 'consent-log',
      data: {
        ...who,
        topic: pick(['newsletter', 'events']),
        subscribed: next() < 0.7,
        source: 'admin',
        at: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z`,
      },
      ...base,
    })
  }
  // Creation times spread over the year, for the since rule.
  await client.execute("UPDATE members SET created_at = '2026-0' || (1 + id % 6) || '-15T08:00:00.000Z'")
  await client.execute("UPDATE leads SET created_at = '2026-0' || (1 + id % 6) || '-15T08:00:00.000Z'")
  await payload.create({
    collection: 'suppressions',
    data: {
      addressHash: (await import('../../functions/broadcasts/recipients')).hashAddress('person3@example.com'),
      reason: 'bounce',
      at: '2026-01-01T00:00:00.000Z',
    },
    ...base,
  })
})
afterAll(async () => cleanup?.())

describe('segments in SQL', () => {
  const rules = (): SegmentRule[] => [
    { kind: 'topic', topic: 'newsletter' },
    { kind: 'topic', topic: 'events' },
    ...ids.tiers.map((tier): SegmentRule => ({ kind: 'tier', tier })),
    { kind: 'locale', locale: 'en' },
    { kind: 'locale', locale: 'zh-CN' },
    { kind: 'touch', touch: 'first', channel: 'wechat' },
    { kind: 'touch', touch: 'last', campaign: 'spring' },
    { kind: 'touch', touch: 'first', channel: 'search', campaign: 'spring' },
    { kind: 'leadStatus', status: 'qualified' },
    ...ids.owners.map((owner): SegmentRule => ({ kind: 'leadOwner', owner })),
    ...ids.forms.map((form): SegmentRule => ({ kind: 'form', form })),
    { kind: 'since', since: '2026-04-01' },
    { kind: 'points', above: 0 },
    { kind: 'points', above: 45 },
  ]

  async function both(segment: Segment, topic: string) {
    const { sqliteBroadcastStore } = await import('../../cms/broadcasts/sqlite-store')
    const { localApiBroadcastStore } = await import('../../cms/broadcasts/store')
    const [sql, local, count] = await Promise.all([
      sqliteBroadcastStore(payload).recipients(segment, topic),
      localApiBroadcastStore(payload).recipients(segment, topic),
      sqliteBroadcastStore(payload).countRecipients(segment, topic),
    ])
    // The live count reads fewer columns: the same number, and the same first ten in full.
    expect(count, JSON.stringify(segment)).toEqual({ count: sql.length, first: sql.slice(0, 10) })
    return { sql, local }
  }

  it('picks the same recipients as the JavaScript rules for every rule alone', async () => {
    let nonEmpty = 0
    for (const rule of rules()) {
      const { sql, local } = await both({ match: 'all', rules: [rule] }, rule.kind === 'topic' ? rule.topic : 'newsletter')
      expect(sql, JSON.stringify(rule)).toEqual(local)
      if (sql.length) nonEmpty++
    }
    // The people were made so that most rules match someone: an empty answer everywhere would prove nothing.
    expect(nonEmpty).toBeGreaterThan(rules().length - 3)
  })

  it('picks the same recipients for 60 combinations of two or three rules with all and any', async () => {
    const next = random(11)
    const all = rules()
    for (let i = 0; i < 60; i++) {
      const chosen = Array.from({ length: 2 + (i % 2) }, () => all[Math.floor(next() * all.length)]!)
      const segment: Segment = { match: i % 3 ? 'any' : 'all', rules: chosen }
      const { sql, local } = await both(segment, 'newsletter')
      expect(sql, JSON.stringify(segment)).toEqual(local)
    }
  })

  it('matches nobody without rules, and leaves out suppressed and unsubscribed people', async () => {
    expect((await both({ match: 'any', rules: [] }, 'newsletter')).sql).toEqual([])
    const { sql } = await both({ match: 'any', rules: [{ kind: 'since', since: '2020-01-01' }] }, 'newsletter')
    expect(sql.map((r) => r.email)).not.toContain('person3@example.com')
    expect(sql.length).toBeGreaterThan(20)
  })
})
