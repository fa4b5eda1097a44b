import type { Touch as AttributionTouch } from '../attribution/touch'
import type { FieldValue, FormDefinition, StoredFile } from './form-definition'
import { fillHiddenFields } from './hidden-fields'
import { normalizeEmail, normalizePhone } from './normalize'
import type { RateDecision, RateLimiter } from './rate-limit'
import { scoreSpam } from './spam'
import type { AcceptedFile } from './validate-submission'
import { validateSubmission } from './validate-submission'

/**
 * Where a visitor came from, as recorded for a submission: attribution's touch (functions/attribution),
 * any part of it, with the channel as plain text (touches stored before attribution named it freely).
 */
export type Touch = { [K in keyof AttributionTouch]?: (K extends 'channel' ? string : AttributionTouch[K]) | null }

/** What the site knows about one submit request. */
export interface IntakeRequest {
  form: FormDefinition
  input: Record<string, unknown>
  locale: string
  honeypot: string
  /** When the form was rendered (ms since epoch), or null when unknown. */
  renderedAt: number | null
  now: number
  pageUrl: string
  userAgent: string
  ipHash: string
  /** The browser's first-party visitor id, when it has one (attribution). */
  visitor?: string | null
  firstTouch: Touch | null
  lastTouch: Touch | null
  /** Counts submissions per person; a person over the limit is likely a script and goes to the spam folder. */
  personLimiter?: RateLimiter
  /**
   * The sender's count (per address), still being stored when intake starts: nothing is stored
   * unless it allows. Counting the person meanwhile saves a round trip to the database per submission.
   */
  admission?: Promise<RateDecision>
}

/** A lead found by email or phone. */
export interface LeadRef {
  id: string | number
}

/** A lead to create with the submission, when the person is not known yet. */
export interface NewLead {
  email: string | null
  phone: string | null
  name: string | null
  firstTouch: Touch | null
  lastTouch: Touch | null
}

/** The deliveries a stored submission sets off, each a job of its own with its own retries. */
export type Notification = 'sales-email' | 'autoresponder' | 'webhook' | 'download'

/** A submission as it is stored, whole. */
export interface SubmissionRecord {
  form: string | number
  values: Record<string, FieldValue>
  consents: { field: string; text: string; at: string }[]
  locale: string
  pageUrl: string
  userAgent: string
  ipHash: string
  visitor?: string | null
  firstTouch: Touch | null
  lastTouch: Touch | null
  spam: { score: number; reasons: string[]; isSpam: boolean }
  conflict: string | null
}

/** The storage intake needs; cms/intake implements it on the database. */
export interface IntakeStore {
  findLeads(keys: { email: string | null; phone: string | null }): Promise<{ byEmail: LeadRef | null; byPhone: LeadRef | null }>
  /** Keeps the accepted files and says where; called only when there are some. */
  storeFiles(files: AcceptedFile[]): Promise<(StoredFile & { field: string })[]>
  /**
   * Stores the submission with its lead (the given one, or a new one unless the same person was
   * stored meanwhile), queues its notifications and, with `activity`, records it on the lead's
   * timeline as `form-submitted` at `activity.at` (what scoring rules and sequences start from),
   * all or nothing: a stored submission always has its deliveries queued and its sequences
   * started, and nothing is sent in the visitor's request.
   */
  storeSubmission(args: {
    lead: LeadRef | NewLead
    submission: SubmissionRecord
    notify: Notification[]
    activity?: { at: string } | null
  }): Promise<{ submissionId: string | number; leadId: string | number }>
}

export type IntakeResult =
  | { ok: false; errors: Record<string, string> }
  | { ok: false; limited: RateDecision }
  | { ok: true; submissionId: string | number; leadId: string | number; spam: boolean }

function firstOfType(form: FormDefinition, values: Record<string, FieldValue>, type: string): string | null {
  const field = form.fields.find((f) => f.type === type && typeof values[f.name] === 'string')
  return field ? (values[field.name] as string) : null
}

/**
 * Takes in one submission: fills hidden fields on the server, validates it against the form, scores
 * spam, finds the lead (by email, then phone; two known people are never merged), and stores the
 * submission together with its queued notifications, so a stored submission never depends on mail.
 */
export async function acceptSubmission(request: IntakeRequest, store: IntakeStore): Promise<IntakeResult> {
  const { form } = request
  const input = fillHiddenFields(form, request.input, request.pageUrl, request.lastTouch)
  const result = validateSubmission(form, input, request.locale)
  if (!result.ok) return result

  const emailValue = firstOfType(form, result.values, 'email')
  const phoneValue = firstOfType(form, result.values, 'phone')
  const email = emailValue ? normalizeEmail(emailValue) : null
  const phone = phoneValue ? normalizePhone(phoneValue) : null
  const name = typeof result.values.name === 'string' ? result.values.name : null

  const texts = Object.values(result.values).flatMap((v) => (Array.isArray(v) ? v : typeof v === 'object' ? [] : [String(v)]))
  const elapsedMs = request.renderedAt === null ? null : request.now - request.renderedAt
  const person = email ?? phone
  const [admitted, personCount] = await Promise.all([
    request.admission,
    person !== null && request.personLimiter ? request.personLimiter.hit(`person:${person}`, request.now) : null,
  ])
  if (admitted && !admitted.allowed) return { ok: false, limited: admitted }
  const tooFrequent = personCount ? !personCount.allowed : false
  const spam = scoreSpam({ texts, honeypot: request.honeypot, elapsedMs, minSecondsToSubmit: form.minSecondsToSubmit ?? 3, tooFrequent })

  const { byEmail, byPhone } = await store.findLeads({ email, phone })
  // Email and phone naming two different known leads: attach to the email's lead and flag it for a person.
  const conflict = byEmail && byPhone && byEmail.id !== byPhone.id ? `phone also matches lead ${byPhone.id}` : null
  const lead: LeadRef | NewLead = byEmail ?? byPhone ?? { email, phone, name, firstTouch: request.firstTouch, lastTouch: request.lastTouch }

  const values = { ...result.values }
  if (result.files.length) for (const { field, ...file } of await store.storeFiles(result.files)) values[field] = file

  const at = new Date(request.now).toISOString()
  // Likely spam is kept for review but wakes nobody up.
  const notify: Notification[] = spam.isSpam
    ? []
    : [
        'sales-email',
        ...(form.autoresponder && email ? ['autoresponder' as const] : []),
        ...(form.webhook ? ['webhook' as const] : []),
        ...(form.download && email ? ['download' as const] : []),
      ]
  const stored = await store.storeSubmission({
    lead,
    notify,
    // Likely spam scores nothing and starts no sequence.
    activity: spam.isSpam ? null : { at },
    submission: {
      form: form.id,
      values,
      consents: result.consents.map((c) => ({ ...c, at })),
      locale: request.locale,
      pageUrl: request.pageUrl.slice(0, 2000),
      userAgent: request.userAgent.slice(0, 500),
      ipHash: request.ipHash,
      visitor: request.visitor ?? null,
      firstTouch: request.firstTouch,
      lastTouch: request.lastTouch,
      spam,
      conflict,
    },
  })
  return { ok: true, submissionId: stored.submissionId, leadId: stored.leadId, spam: spam.isSpam }
}
