/**
 * The stored records the members domain reads, as the CMS keeps them. Each lists the fields used
 * here; a Payload document with more fields (hash, salt, sessions) can be passed as it is.
 */
export type Id = string | number

/** A document in the `members` auth collection. */
export interface MemberRecord {
  id: Id
  email: string
  /** Payload's `_verified` for auth collections with verification. */
  _verified?: boolean | null
  name?: string | null
  company?: string | null
  jobTitle?: string | null
  phone?: string | null
  preferredLanguage?: string | null
  interests?: readonly string[] | null
  referralCode?: string | null
  referredBy?: Id | { id: Id } | null
  lead?: Id | { id: Id } | null
  createdAt: string
  updatedAt?: string | null
  [field: string]: unknown
}

/** A touch as stored in JSON on a lead or a submission, or as a document of a touches collection. */
export interface TouchRecord {
  id?: Id
  channel?: string | null
  source?: string | null
  medium?: string | null
  campaign?: string | null
  content?: string | null
  term?: string | null
  referrer?: string | null
  landingPage?: string | null
  campaignLink?: string | null
  referralCode?: string | null
  at?: string | null
  [field: string]: unknown
}

/** A document in `submissions` (see cms/collections/Submissions.ts). */
export interface SubmissionRecord {
  id: Id
  form: Id | { id: Id; title?: string | null; name?: string | null }
  lead?: Id | { id: Id } | null
  values: Record<string, unknown>
  consents?: unknown
  attachments?: readonly (Id | { id: Id })[] | null
  locale?: string | null
  pageUrl?: string | null
  userAgent?: string | null
  ipHash?: string | null
  firstTouch?: TouchRecord | null
  lastTouch?: TouchRecord | null
  /** The status the brand lets the member see, mapped by the caller; null when it shows none. */
  status?: string | null
  createdAt: string
  [field: string]: unknown
}

/** A document in `leads` (see cms/collections/Leads.ts). */
export interface LeadRecord {
  id: Id
  email?: string | null
  phone?: string | null
  name?: string | null
  notes?: string | null
  firstTouch?: TouchRecord | null
  lastTouch?: TouchRecord | null
  [field: string]: unknown
}

/** The id of a relationship value, populated or not. */
export function idOf(value: Id | { id: Id } | null | undefined): Id | null {
  if (value === null || value === undefined) return null
  return typeof value === 'object' ? value.id : value
}
