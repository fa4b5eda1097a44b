import type { FieldValue, FormDefinition } from './form-definition'
import { normalizeEmail, normalizePhone } from './normalize'
import { scoreSpam } from './spam'
import { validateSubmission } from './validate-submission'

/** Where a visitor came from, as recorded for a submission. */
export interface Touch {
  channel?: string | null
  source?: string | null
  medium?: string | null
  campaign?: string | null
  content?: string | null
  term?: string | null
  referrer?: string | null
  landingPage?: string | null
  at?: string | null
}

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
  firstTouch: Touch | null
  lastTouch: Touch | null
}

/** The storage intake needs; the site implements it with Payload's Local API. */
export interface IntakeStore {
  findLeadByEmail(email: string): Promise<{ id: string | number } | null>
  findLeadByPhone(phone: string): Promise<{ id: string | number } | null>
  createLead(data: { email: string | null; phone: string | null; name: string | null; firstTouch: Touch | null; lastTouch: Touch | null }): Promise<{ id: string | number }>
  createSubmission(data: {
    form: string | number
    lead: string | number
    values: Record<string, FieldValue>
    consents: { field: string; text: string; at: string }[]
    locale: string
    pageUrl: string
    userAgent: string
    ipHash: string
    firstTouch: Touch | null
    lastTouch: Touch | null
    spam: { score: number; reasons: string[]; isSpam: boolean }
    conflict: string | null
  }): Promise<{ id: string | number }>
  /** Queues the sales email (and autoresponder) for a stored submission; never sends in the request. */
  queueNotifications(submissionId: string | number): Promise<void>
}

export type IntakeResult =
  | { ok: false; errors: Record<string, string> }
  | { ok: true; submissionId: string | number; leadId: string | number; spam: boolean }

function firstOfType(form: FormDefinition, values: Record<string, FieldValue>, type: string): string | null {
  const field = form.fields.find((f) => f.type === type && typeof values[f.name] === 'string')
  return field ? (values[field.name] as string) : null
}

/**
 * Takes in one submission: validates it against the form, scores spam, finds or creates the lead
 * (by email, then phone; two known people are never merged), stores the submission, and only then
 * queues notifications, so a stored submission never depends on mail.
 */
export async function acceptSubmission(request: IntakeRequest, store: IntakeStore): Promise<IntakeResult> {
  const { form } = request
  const result = validateSubmission(form, request.input, request.locale)
  if (!result.ok) return result

  const texts = Object.values(result.values).flatMap((v) => (Array.isArray(v) ? v : [String(v)]))
  const elapsedMs = request.renderedAt === null ? null : request.now - request.renderedAt
  const spam = scoreSpam({ texts, honeypot: request.honeypot, elapsedMs, minSecondsToSubmit: form.minSecondsToSubmit ?? 3 })

  const emailValue = firstOfType(form, result.values, 'email')
  const phoneValue = firstOfType(form, result.values, 'phone')
  const email = emailValue ? normalizeEmail(emailValue) : null
  const phone = phoneValue ? normalizePhone(phoneValue) : null
  const name = typeof result.values.name === 'string' ? result.values.name : null

  const byEmail = email ? await store.findLeadByEmail(email) : null
  const byPhone = phone ? await store.findLeadByPhone(phone) : null
  // Email and phone naming two different known leads: attach to the email's lead and flag it for a person.
  const conflict = byEmail && byPhone && byEmail.id !== byPhone.id ? `phone also matches lead ${byPhone.id}` : null
  const lead =
    byEmail ?? byPhone ?? (await store.createLead({ email, phone: byEmail ? null : phone, name, firstTouch: request.firstTouch, lastTouch: request.lastTouch }))

  const at = new Date(request.now).toISOString()
  const submission = await store.createSubmission({
    form: form.id,
    lead: lead.id,
    values: result.values,
    consents: result.consents.map((c) => ({ ...c, at })),
    locale: request.locale,
    pageUrl: request.pageUrl.slice(0, 2000),
    userAgent: request.userAgent.slice(0, 500),
    ipHash: request.ipHash,
    firstTouch: request.firstTouch,
    lastTouch: request.lastTouch,
    spam,
    conflict,
  })
  // Likely spam is kept for review but wakes nobody up.
  if (!spam.isSpam) await store.queueNotifications(submission.id)
  return { ok: true, submissionId: submission.id, leadId: lead.id, spam: spam.isSpam }
}
