// Seeds a realistic attribution history into an empty database in SQL batches, for bench/funnel.ts:
// visitors arriving over several months through weighted channels, campaigns and campaign links,
// some coming back, some sending a form (leads with first and last touch), daily link clicks.
import type { Client, InStatement, InValue } from '@libsql/client'

const DAY_MS = 86_400_000
const CHANNELS = [
  'wechat',
  'xiaohongshu',
  'weibo',
  'douyin',
  'bilibili',
  'zhihu',
  'linkedin',
  'search',
  'email',
  'referral',
  'offline',
  'direct',
  'other',
] as const
const WEIGHTS = [22, 14, 8, 8, 3, 4, 5, 14, 3, 2, 3, 12, 2]
const STATUSES = ['new', 'new', 'new', 'new', 'new', 'contacted', 'contacted', 'qualified', 'won', 'lost']

/** A small seeded generator (mulberry32), so every run seeds the same history. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface SeedTouch {
  visitor: string | null
  at: number
  channel: string
  source: string
  campaign: string | null
  campaignLink: string | null
}

const touchJson = (t: SeedTouch) =>
  JSON.stringify({
    channel: t.channel,
    source: t.source,
    medium: null,
    campaign: t.campaign,
    content: null,
    term: null,
    referrer: null,
    landingPage: '/',
    campaignLink: t.campaignLink,
    at: new Date(t.at).toISOString(),
  })

/**
 * Inserts `touches` touches and `leads` leads spread over the `days` days before `end`, plus daily
 * clicks for each campaign link; returns how many rows of each it wrote.
 */
export async function seedFunnel(
  client: Client,
  options: { touches: number; leads: number; days: number; end: Date },
): Promise<{ touches: number; visitors: number; leads: number; clickRows: number }> {
  const rand = random(20261123)
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!
  const total = WEIGHTS.reduce((a, b) => a + b, 0)
  const channel = () => {
    let r = rand() * total
    for (let i = 0; i < CHANNELS.length; i++) if ((r -= WEIGHTS[i]!) < 0) return CHANNELS[i]!
    return 'direct'
  }
  const campaigns = Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? `春季活动-${i}` : `campaign-${i}`))
  const links = Array.from({ length: 40 }, (_, i) => `link-${i}`)
  const endMs = options.end.getTime()
  const startMs = endMs - options.days * DAY_MS

  // Visitors come back 0 to 4 times; a few touches have no visitor id (erased members: not counted).
  const touches: SeedTouch[] = []
  const byVisitor = new Map<string, SeedTouch[]>()
  let visitorCount = 0
  while (touches.length < options.touches) {
    const visitor = rand() < 0.02 ? null : `v${(visitorCount++).toString(36)}-${Math.floor(rand() * 1e9).toString(36)}`
    const visits = visitor ? 1 + Math.floor(-Math.log(1 - rand()) * 1.2) : 1
    let at = startMs + rand() * (endMs - startMs)
    for (let i = 0; i < visits && touches.length < options.touches && at < endMs; i++) {
      const ch = channel()
      const withCampaign = ch !== 'direct' && rand() < 0.55
      const touch: SeedTouch = {
        visitor,
        at: Math.floor(at),
        channel: ch,
        source: ch,
        campaign: withCampaign ? pick(campaigns) : null,
        campaignLink: withCampaign && rand() < 0.5 ? pick(links) : null,
      }
      touches.push(touch)
      if (visitor) (byVisitor.get(visitor) ?? byVisitor.set(visitor, []).get(visitor)!).push(touch)
      at += rand() * 20 * DAY_MS
    }
  }

  const statements: InStatement[] = []
  const ROWS = 500
  for (let i = 0; i < touches.length; i += ROWS) {
    const batch = touches.slice(i, i + ROWS)
    statements.push({
      sql: `INSERT INTO touches (visitor, at, channel, source, medium, campaign, landing_page, campaign_link) VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      args: batch.flatMap((t) => [t.visitor, new Date(t.at).toISOString(), t.channel, t.source, null, t.campaign, '/', t.campaignLink]),
    })
  }

  // Leads: visitors who sent a form a little after one of their touches, credited to their first and that touch.
  const known = [...byVisitor.values()]
  const leads: InValue[][] = []
  for (let i = 0; i < options.leads; i++) {
    const visits = known[Math.floor(rand() * known.length)]!
    const last = visits[Math.floor(rand() * visits.length)]!
    const created = new Date(Math.min(endMs - 1, last.at + rand() * 3_600_000)).toISOString()
    leads.push([`lead-${i}@bench.example`, pick(STATUSES), touchJson(visits[0]!), touchJson(last), created, created])
  }
  for (let i = 0; i < leads.length; i += ROWS) {
    const batch = leads.slice(i, i + ROWS)
    statements.push({
      sql: `INSERT INTO leads (email, status, first_touch, last_touch, updated_at, created_at) VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      args: batch.flat(),
    })
  }

  const clicks = new Map<string, number>()
  // A link is clicked at least once for each touch it brought, sometimes more (a touch needs a visitor who stays).
  for (const t of touches) {
    if (!t.campaignLink) continue
    const key = `${t.campaignLink}|${new Date(t.at).toISOString().slice(0, 10)}`
    clicks.set(key, (clicks.get(key) ?? 0) + 1 + Math.floor(rand() * 2))
  }
  const clickRows = [...clicks].map(([key, count]) => [...key.split('|'), count])
  for (let i = 0; i < clickRows.length; i += ROWS) {
    const batch = clickRows.slice(i, i + ROWS)
    statements.push({
      sql: `INSERT INTO link_clicks (link, day, count) VALUES ${batch.map(() => '(?, ?, ?)').join(', ')}`,
      args: batch.flat(),
    })
  }
  statements.push({
    sql: `INSERT INTO campaign_links (code, title, status, target_kind, target_url, updated_at, created_at) VALUES ${links.map(() => "(?, ?, 'active', 'url', '/', ?, ?)").join(', ')}`,
    args: links.flatMap((code) => [code, `Bench ${code}`, options.end.toISOString(), options.end.toISOString()]),
  })
  await client.batch(statements, 'write')
  return { touches: touches.length, visitors: visitorCount, leads: leads.length, clickRows: clickRows.length }
}
