import { type AuditEntry, auditEntry } from './audit'
import { type ConsentEntry, type ConsentState, currentConsents } from './consent-log'
import { type PointsEntry, summarizeLedger, type Tier } from './points'
import { type Id, idOf, type MemberRecord, type SubmissionRecord, type TouchRecord } from './records'

/** Names the format of the export; the version changes only when a field's meaning changes or one is removed. */
export const EXPORT_SCHEMA = 'brand-site/member-data'
export const EXPORT_VERSION = 1

/** A touch as exported: every field present, null when unknown. */
export interface ExportedTouch {
  channel: string | null
  source: string | null
  medium: string | null
  campaign: string | null
  content: string | null
  term: string | null
  referrer: string | null
  landingPage: string | null
  campaignLink: string | null
  referralCode: string | null
  at: string | null
}

/** Everything the brand holds about one member, as the member downloads it. */
export interface MemberExport {
  schema: typeof EXPORT_SCHEMA
  version: typeof EXPORT_VERSION
  exportedAt: string
  account: { id: string; email: string; emailVerified: boolean; createdAt: string; referralCode: string | null; referredBy: string | null }
  profile: {
    name: string | null
    company: string | null
    jobTitle: string | null
    phone: string | null
    preferredLanguage: string | null
    interests: string[]
  }
  submissions: {
    id: string
    form: { id: string; title: string | null }
    submittedAt: string
    status: string | null
    locale: string | null
    pageUrl: string | null
    values: Record<string, unknown>
    consents: unknown
    userAgent: string | null
    ipHash: string | null
    firstTouch: ExportedTouch | null
    lastTouch: ExportedTouch | null
  }[]
  touches: ExportedTouch[]
  consents: { current: Record<string, ConsentState>; log: ConsentEntry[] }
  points: { balance: number; tier: string | null; entries: PointsEntry[] }
}

export interface ExportSources {
  member: MemberRecord
  submissions: readonly SubmissionRecord[]
  touches: readonly TouchRecord[]
  consents: readonly ConsentEntry[]
  points: readonly PointsEntry[]
  tiers: readonly Tier[]
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const byTime =
  <T>(time: (item: T) => string | null | undefined) =>
  (a: T, b: T) =>
    (Date.parse(time(a) ?? '') || 0) - (Date.parse(time(b) ?? '') || 0)
// A copy through JSON: the export holds data, never live references, functions or prototypes.
const plain = <T>(value: T): T => (value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T))

/** A touch with exactly the exported fields, whatever else its record holds. */
export function exportTouch(touch: TouchRecord | null | undefined): ExportedTouch | null {
  if (!touch || typeof touch !== 'object') return null
  return {
    channel: text(touch.channel),
    source: text(touch.source),
    medium: text(touch.medium),
    campaign: text(touch.campaign),
    content: text(touch.content),
    term: text(touch.term),
    referrer: text(touch.referrer),
    landingPage: text(touch.landingPage),
    campaignLink: text(touch.campaignLink),
    referralCode: text(touch.referralCode),
    at: text(touch.at),
  }
}

/** Submissions as exported, oldest first: the values and consents as given, with their touches. */
export function exportSubmissions(submissions: readonly SubmissionRecord[]): MemberExport['submissions'] {
  return [...submissions].sort(byTime((s) => s.createdAt)).map((s) => ({
    id: String(s.id),
    form: { id: String(idOf(s.form)), title: typeof s.form === 'object' ? (text(s.form.title) ?? text(s.form.name)) : null },
    submittedAt: s.createdAt,
    status: text(s.status),
    locale: text(s.locale),
    pageUrl: text(s.pageUrl),
    values: plain(s.values ?? {}),
    consents: plain(s.consents ?? null),
    userAgent: text(s.userAgent),
    ipHash: text(s.ipHash),
    firstTouch: exportTouch(s.firstTouch),
    lastTouch: exportTouch(s.lastTouch),
  }))
}

/** Touches as exported, oldest first. */
export const exportTouches = (touches: readonly TouchRecord[]): ExportedTouch[] =>
  touches
    .map(exportTouch)
    .filter((t): t is ExportedTouch => t !== null)
    .sort(byTime((t) => t.at))

/** The subscriptions now, and every change that led there. */
export const exportConsents = (consents: readonly ConsentEntry[]): MemberExport['consents'] => ({
  current: Object.fromEntries(currentConsents(consents)),
  log: [...consents].sort(byTime((c) => c.at)).map(({ topic, subscribed, at, source }) => ({ topic, subscribed, at, source })),
})

/**
 * Shapes everything held about a member into one JSON document with a stable schema: fields are
 * picked one by one, so secrets on the member record (password hash, salt, sessions, reset tokens)
 * never reach it, and lists are in time order.
 * @example JSON.stringify(buildMemberExport(sources, { now: new Date() }), null, 2)
 */
export function buildMemberExport(sources: ExportSources, { now }: { now: Date }): MemberExport {
  const { member } = sources
  const summary = summarizeLedger(sources.points, sources.tiers)
  const referredBy = idOf(member.referredBy)
  return {
    schema: EXPORT_SCHEMA,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    account: {
      id: String(member.id),
      email: member.email,
      emailVerified: member._verified === true,
      createdAt: member.createdAt,
      referralCode: text(member.referralCode),
      referredBy: referredBy === null ? null : String(referredBy),
    },
    profile: {
      name: text(member.name),
      company: text(member.company),
      jobTitle: text(member.jobTitle),
      phone: text(member.phone),
      preferredLanguage: text(member.preferredLanguage),
      interests: Array.isArray(member.interests) ? member.interests.filter((i): i is string => typeof i === 'string') : [],
    },
    submissions: exportSubmissions(sources.submissions),
    touches: exportTouches(sources.touches),
    consents: exportConsents(sources.consents),
    points: {
      balance: summary.balance,
      tier: summary.tier?.name ?? null,
      entries: [...sources.points]
        .sort(byTime((p) => p.at))
        .map(({ kind, reason, points, at, ref }) => ({ kind, reason, points, at, ref })),
    },
  }
}

/**
 * The download's file name.
 * @example exportFilename(7, new Date('2026-03-03T10:00:00Z')) // 'member-data-7-2026-03-03.json'
 */
export function exportFilename(memberId: Id, now: Date): string {
  return `member-data-${String(memberId).replace(/[^A-Za-z0-9_-]/g, '')}-${now.toISOString().slice(0, 10)}.json`
}

/** The audit entry for a download of a member's data. */
export function exportAuditEntry(member: MemberRecord, { actor, now }: { actor: 'member' | 'admin'; now: Date }): AuditEntry {
  return auditEntry('member-data-exported', member.id, { actor, now, details: { schema: EXPORT_SCHEMA, version: EXPORT_VERSION } })
}
