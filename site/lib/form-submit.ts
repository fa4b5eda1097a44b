import { sqliteClient, sqliteWrites } from '../../cms/database'
import { payloadSecret } from '../../cms/environment'
import { LOCALE_CODES } from '../../functions/content/locales'
import { MAX_FILE_MB } from '../../functions/lead-intake/form-definition'
import { hashIp } from '../../functions/lead-intake/hash-ip'
import { acceptSubmission } from '../../functions/lead-intake/intake'
import { createStoredRateLimiter, type RateDecision } from '../../functions/lead-intake/rate-limit'
import { downloadPath, signDownloadToken } from '../../functions/offers'
import { landingTouch, linkVisitorToLead, touchesForConversion } from './arrivals'
import { cms } from './cms'
import { findForm, type PublicForm } from './forms'
import { addressKey, hashedKey, sharedThrottles } from './limits'
import { type BodySource, readBody } from './read-body'
import { countRefusal } from './refusals'
import { intakeStore } from './stores'

/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024
/** A multipart body may also carry a file of up to MAX_FILE_MB; each file field checks its own limit. */
export const MAX_UPLOAD_BYTES = MAX_FILE_MB * 1024 * 1024 + MAX_BODY_BYTES

const TEN_MINUTES = 10 * 60_000
const HOUR = 60 * 60_000
// Both counted in the database (site/lib/limits.ts), so that every site process shares them.
// Per address: a shared office or event Wi-Fi must get through, a script must not (429, nothing stored).
const perAddress = createStoredRateLimiter({
  store: sharedThrottles,
  limit: Number(process.env.INTAKE_LIMIT_PER_IP ?? 30),
  windowMs: TEN_MINUTES,
  keyOf: (address) => `intake-ip:${addressKey(address)}`,
})
// Per person (email or phone): more than this in an hour goes to the spam folder for review.
const perPerson = createStoredRateLimiter({
  store: sharedThrottles,
  limit: Number(process.env.INTAKE_LIMIT_PER_PERSON ?? 5),
  windowMs: HOUR,
  keyOf: (person) => `intake-${hashedKey(person)}`,
})

/** More forms than a site has: the rest are read at their first submission, as without readySubmissions. */
const READY_FORMS = 100

/**
 * Readies the submission path before this process takes visitors: the forms of the content stamp
 * in every locale, the intake store, the counters' connection, and the write path (on SQLite, an
 * empty transaction, which through the site's primary opens its connection). Otherwise a new
 * process's first submissions paid for all of it, 55 to 100 ms each, and a campaign's first
 * visitors after a restart were the slowest 1% of its burst (bench/intake.ts).
 */
export async function readySubmissions(stamp: string | null): Promise<void> {
  const payload = await cms()
  const { docs } = await payload.find({ collection: 'forms', depth: 0, limit: READY_FORMS, select: { name: true } })
  await Promise.all([
    ...docs.flatMap((form) => LOCALE_CODES.map((locale) => findForm(form.id, locale, stamp))),
    intakeStore(),
    sharedThrottles.get('ready'),
    sqliteClient(payload) ? sqliteWrites(payload)([]) : null,
  ])
}

/** The names the form markup uses for itself, beside the editor's fields. */
export const FORM_META = { formId: '_form', renderedAt: '_t', honeypot: 'website' } as const

export type SubmitOutcome =
  | { status: 201; form: PublicForm; submissionId: string | number; download: EarnedDownload | null }
  | { status: 422; form: PublicForm; errors: Record<string, string>; values: Record<string, unknown> }
  | { status: 400 | 404 | 413 | 415 | 429; message: string; retryAfterSeconds?: number }

/** A content offer's link, shown at once after the submission (the same is emailed): `/download/<token>`. */
export interface EarnedDownload {
  token: string
  path: string
  filename: string
}

type RefusalStatus = 400 | 404 | 413 | 415 | 429

/** A refusal of the request as a whole (not of a field), in the visitor's words; it is counted, nothing else is kept. */
export function refusal(status: RefusalStatus, form = '?', retryAfterSeconds?: number): SubmitOutcome & { message: string } {
  const message = {
    400: 'The form could not be read. Reload the page and try again.',
    404: 'This form does not exist.',
    413: 'The submission is too large.',
    415: 'Send the form as application/x-www-form-urlencoded, multipart/form-data or application/json.',
    429: 'Too many submissions from your network. Wait a few minutes and try again.',
  }[status]
  countRefusal(form, status)
  return { status, message, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) } as SubmitOutcome & { message: string }
}

/** The headers a refusal is answered with: Retry-After on 429. */
export function refusalHeaders(outcome: { retryAfterSeconds?: number }): Record<string, string> {
  return outcome.retryAfterSeconds ? { 'retry-after': String(outcome.retryAfterSeconds) } : {}
}

/** Reads a request body as fields, within the size limit (files make it larger); a refusal when it cannot. */
export async function readFields(
  request: BodySource,
): Promise<{ fields: Record<string, unknown> } | { refused: SubmitOutcome & { message: string } }> {
  const body = await readBody(request, (type) => (type === 'multipart/form-data' ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES))
  if ('fields' in body) return body
  return { refused: refusal(({ 'too-large': 413, malformed: 400, 'unsupported-type': 415 } as const)[body.refused]) }
}

/**
 * Takes one submission of form `formId`: validated against the stored form, stored with its lead,
 * and only then its notifications queued. Never throws for bad input.
 */
export async function submitForm(args: {
  formId: unknown
  fields: Record<string, unknown>
  locale: string
  pageUrl: string
  referrer: string | null
  userAgent: string
  clientAddress: string
  cookie?: string | null
  stamp?: string | null
}): Promise<SubmitOutcome> {
  const id = typeof args.formId === 'string' || typeof args.formId === 'number' ? String(args.formId) : ''
  const now = Date.now()
  const limited = (decision: RateDecision) => refusal(429, id, Math.ceil(decision.retryAfterMs / 1000))
  // Every request counts against its address, known or not; the count is stored while intake goes on.
  const address = await perAddress.count(args.clientAddress, now)
  if (!address.decision.allowed) return limited(address.decision)
  // An answer waits until the count is stored, so that the address's next request sees it.
  const answer = async (outcome: () => SubmitOutcome) => {
    const stored = await address.stored
    return stored.allowed ? outcome() : limited(stored)
  }
  if (!/^[0-9a-f]{1,24}$/i.test(id)) return answer(() => refusal(404))
  const form = await findForm(/^[0-9]+$/.test(id) ? Number(id) : id, args.locale, args.stamp ?? null)
  if (!form) return answer(() => refusal(404, id))
  const { [FORM_META.formId]: _form, [FORM_META.renderedAt]: renderedAt, [FORM_META.honeypot]: honeypot, ...input } = args.fields
  const rendered = Number(renderedAt)
  // The visitor's recorded touches; without a (consented) visitor id, the landing request is both.
  const landing = landingTouch(args.pageUrl, args.referrer)
  const known = await touchesForConversion(args.cookie ?? null)
  const result = await acceptSubmission(
    {
      form,
      input,
      locale: args.locale,
      honeypot: typeof honeypot === 'string' ? honeypot : '',
      renderedAt: Number.isFinite(rendered) && rendered > 0 ? rendered : null,
      now,
      pageUrl: args.pageUrl,
      userAgent: args.userAgent,
      ipHash: hashIp(args.clientAddress, payloadSecret()),
      visitor: known.visitor,
      firstTouch: known.first ?? landing,
      lastTouch: known.last ?? landing,
      personLimiter: perPerson,
      admission: address.stored,
    },
    await intakeStore(),
  )
  if (!result.ok && 'limited' in result) return limited(result.limited)
  if (!result.ok) {
    const { errors } = result
    return answer(() => {
      countRefusal(id, 422)
      // Files are not sent back into the page; the visitor chooses them again.
      const kept = Object.fromEntries(Object.entries(input).filter(([, v]) => typeof v === 'string' || Array.isArray(v)))
      return { status: 422, form, errors, values: kept }
    })
  }
  // The browser's touches become this lead's timeline; a lead that cannot be linked now still has its first and last touch.
  if (known.visitor)
    await linkVisitorToLead(known.visitor, result.leadId).catch((error: unknown) =>
      console.error('Touches not linked to the lead:', error instanceof Error ? error.message : error),
    )
  // Issued from the request's time; the emailed link from the stored submission's (a moment later).
  const download = form.download
    ? earnedDownload(
        signDownloadToken({ media: form.download.media, submission: result.submissionId, issuedAt: now }, payloadSecret()),
        form,
      )
    : null
  return { status: 201, form, submissionId: result.submissionId, download }
}

function earnedDownload(token: string, form: PublicForm): EarnedDownload {
  return { token, path: downloadPath(token), filename: form.download?.filename ?? 'download.pdf' }
}
