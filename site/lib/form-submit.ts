import { acceptSubmission } from '../../functions/lead-intake/intake'
import { hashIp } from '../../functions/lead-intake/hash-ip'
import { payloadSecret } from '../../cms/environment'
import { findForm, intakeStore, type PublicForm } from './cms'

/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024

/** The names the form markup uses for itself, beside the editor's fields. */
export const FORM_META = { formId: '_form', renderedAt: '_t', honeypot: 'website' } as const

export type SubmitOutcome =
  | { status: 201; form: PublicForm; submissionId: string | number }
  | { status: 422; form: PublicForm; errors: Record<string, string>; values: Record<string, unknown> }
  | { status: 400 | 404 | 413 | 415; message: string }

/** A refusal of the request as a whole (not of a field), in the visitor's words. */
export function refusal(status: 400 | 404 | 413 | 415): SubmitOutcome & { message: string } {
  const message = {
    400: 'The form could not be read. Reload the page and try again.',
    404: 'This form does not exist.',
    413: 'The submission is too large.',
    415: 'Send the form as application/x-www-form-urlencoded, multipart/form-data or application/json.',
  }[status]
  return { status, message } as SubmitOutcome & { message: string }
}

/** Reads a request body as fields, within the size limit; a refusal when it cannot. */
export async function readFields(request: Request): Promise<{ fields: Record<string, unknown> } | { refused: SubmitOutcome & { message: string } }> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > MAX_BODY_BYTES) return { refused: refusal(413) }
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const raw = await request.arrayBuffer().catch(() => null)
  if (!raw) return { refused: refusal(400) }
  // A chunked body has no content-length: count what actually arrived.
  if (raw.byteLength > MAX_BODY_BYTES) return { refused: refusal(413) }
  const text = new TextDecoder().decode(raw)
  if (type === 'application/json') {
    try {
      const parsed: unknown = JSON.parse(text)
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { refused: refusal(400) }
      return { fields: Object.assign(Object.create(null), parsed) as Record<string, unknown> }
    } catch {
      return { refused: refusal(400) }
    }
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const data = await new Response(raw, { headers: { 'content-type': request.headers.get('content-type')! } }).formData().catch(() => null)
    if (!data) return { refused: refusal(400) }
    const fields: Record<string, unknown> = Object.create(null)
    for (const [key, value] of data.entries()) {
      if (typeof value !== 'string') continue
      const existing = fields[key]
      fields[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
    }
    return { fields }
  }
  return { refused: refusal(415) }
}

function touchFrom(pageUrl: string, referrer: string | null) {
  let url: URL | null = null
  try {
    url = new URL(pageUrl)
  } catch {
    // An unreadable page URL records no campaign; the submission is still kept.
  }
  const q = (k: string) => url?.searchParams.get(k)?.slice(0, 200) ?? null
  return { source: q('utm_source'), medium: q('utm_medium'), campaign: q('utm_campaign'), content: q('utm_content'), term: q('utm_term'), channel: q('utm_source'), referrer: referrer?.slice(0, 500) ?? null, landingPage: url?.pathname ?? null, at: new Date().toISOString() }
}

/**
 * Takes one submission of form `formId`: validated against the stored form, stored with its lead,
 * and only then its notifications queued. Never throws for bad input.
 */
export async function submitForm(args: { formId: unknown; fields: Record<string, unknown>; locale: string; pageUrl: string; referrer: string | null; userAgent: string; clientAddress: string; stamp?: string | null }): Promise<SubmitOutcome> {
  const id = typeof args.formId === 'string' || typeof args.formId === 'number' ? String(args.formId) : ''
  if (!/^[0-9a-f]{1,24}$/i.test(id)) return refusal(404)
  const form = await findForm(/^[0-9]+$/.test(id) ? Number(id) : id, args.locale, args.stamp ?? null)
  if (!form) return refusal(404)
  const { [FORM_META.formId]: _form, [FORM_META.renderedAt]: renderedAt, [FORM_META.honeypot]: honeypot, ...input } = args.fields
  const rendered = Number(renderedAt)
  const touch = touchFrom(args.pageUrl, args.referrer)
  const result = await acceptSubmission(
    {
      form,
      input,
      locale: args.locale,
      honeypot: typeof honeypot === 'string' ? honeypot : '',
      renderedAt: Number.isFinite(rendered) && rendered > 0 ? rendered : null,
      now: Date.now(),
      pageUrl: args.pageUrl,
      userAgent: args.userAgent,
      ipHash: hashIp(args.clientAddress, payloadSecret()),
      // Until attribution records touches per visitor, the landing request is both.
      firstTouch: touch,
      lastTouch: touch,
    },
    await intakeStore(),
  )
  if (!result.ok) return { status: 422, form, errors: result.errors, values: input }
  return { status: 201, form, submissionId: result.submissionId }
}
