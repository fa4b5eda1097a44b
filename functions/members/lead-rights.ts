// The data rights of a person who is a lead and never opened an account: everything held about
// them as one JSON document, and the same erasure as a member's (erasure-plan.ts personErasure),
// asked for by email or phone and carried out by an admin, or by sales for their own lead.
import { newVisitorId } from '../attribution/visitor'
import { type AuditActor, leadAuditEntry } from './audit'
import type { ConsentEntry } from './consent-log'
import { exportConsents, type ExportedTouch, exportSubmissions, exportTouch, exportTouches, type MemberExport } from './data-export'
import { countByCollection, type ErasurePlan, personErasure, type PersonErasureSources, unique } from './erasure-plan'
import type { Id, LeadRecord, SubmissionRecord, TouchRecord } from './records'

export const LEAD_EXPORT_SCHEMA = 'brand-site/lead-data'
export const LEAD_EXPORT_VERSION = 1

/** One thing the person did on the site or with the brand's email, as the lead's timeline keeps it. */
export interface ActivityRecord {
  kind: string
  at: string
  path?: string | null
  ref?: string | null
}

/** Everything the brand holds about one lead, as the person receives it. */
export interface LeadExport {
  schema: typeof LEAD_EXPORT_SCHEMA
  version: typeof LEAD_EXPORT_VERSION
  exportedAt: string
  lead: {
    id: string
    email: string | null
    phone: string | null
    name: string | null
    status: string | null
    score: number
    createdAt: string | null
    firstTouch: ExportedTouch | null
    lastTouch: ExportedTouch | null
  }
  submissions: MemberExport['submissions']
  touches: ExportedTouch[]
  consents: MemberExport['consents']
  activity: { kind: string; at: string; path: string | null }[]
}

export interface LeadExportSources {
  lead: LeadRecord
  submissions: readonly SubmissionRecord[]
  touches: readonly TouchRecord[]
  consents: readonly ConsentEntry[]
  activity: readonly ActivityRecord[]
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/**
 * Shapes everything held about a lead into one JSON document with a stable schema; the notes sales
 * wrote and the owner are the brand's working papers about the lead, and are left out as a
 * member's export leaves them out.
 * @example JSON.stringify(buildLeadExport(sources, { now: new Date() }), null, 2)
 */
export function buildLeadExport(sources: LeadExportSources, { now }: { now: Date }): LeadExport {
  const { lead } = sources
  return {
    schema: LEAD_EXPORT_SCHEMA,
    version: LEAD_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    lead: {
      id: String(lead.id),
      email: text(lead.email),
      phone: text(lead.phone),
      name: text(lead.name),
      status: text(lead.status),
      score: typeof lead.score === 'number' ? lead.score : 0,
      createdAt: text(lead.createdAt),
      firstTouch: exportTouch(lead.firstTouch),
      lastTouch: exportTouch(lead.lastTouch),
    },
    submissions: exportSubmissions(sources.submissions),
    touches: exportTouches(sources.touches),
    consents: exportConsents(sources.consents),
    activity: [...sources.activity].sort((a, b) => a.at.localeCompare(b.at)).map((a) => ({ kind: a.kind, at: a.at, path: text(a.path) })),
  }
}

/**
 * The download's file name.
 * @example leadExportFilename(12, new Date('2026-03-03T10:00:00Z')) // 'lead-data-12-2026-03-03.json'
 */
export function leadExportFilename(leadId: Id, now: Date): string {
  return `lead-data-${String(leadId).replace(/[^A-Za-z0-9_-]/g, '')}-${now.toISOString().slice(0, 10)}.json`
}

/**
 * Exactly which records to anonymise and delete when a lead's person asks to be forgotten, and the
 * audit entry. The lead row stays, anonymous, for the funnel's counts; what the person did (page
 * views, scores, sequence places) goes with it through the leads collection's own erasure hook.
 * @example leadErasurePlan(lead, sources, { actor: 'admin', now: new Date() })
 */
export function leadErasurePlan(
  lead: LeadRecord,
  sources: Omit<PersonErasureSources, 'leads'>,
  { actor, now, pseudonym = newVisitorId() }: { actor: AuditActor; now: Date; pseudonym?: string },
): ErasurePlan {
  const person = personErasure({ ...sources, leads: [lead] }, { now, pseudonym })
  const anonymise = unique(person.anonymise)
  const remove = unique(person.delete)
  return {
    anonymise,
    delete: remove,
    audit: leadAuditEntry('lead-erased', lead.id, {
      actor,
      now,
      details: { anonymised: countByCollection(anonymise), deleted: countByCollection(remove), suppressed: true },
    }),
  }
}
