// Reading an account request: its body (form or JSON, within a size limit), where it came from
// (CSRF), and what kind of answer it wants (a page for a form, JSON for a script).
import { siteUrl } from '../../../cms/environment'
import { accountError, type AccountErrorResponse } from '../../../functions/members/account-errors'
import { isSameOrigin, originHeaders } from '../../../functions/members/csrf'
import type { Locale } from '../../../functions/members/locale'
import { readBody } from '../read-body'

/** Account forms are short: 16 KB is far more than any of them needs. */
export const MAX_ACCOUNT_BODY = 16 * 1024

/** Whether the caller wants JSON back (a script) rather than a page (a form posted without JavaScript). */
export function wantsJson(request: Request): boolean {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' || (request.headers.get('accept') ?? '').startsWith('application/json')
}

/** Refused unless the request comes from the site's own pages (functions/members csrf). */
export function checkOrigin(request: Request, locale: Locale): AccountErrorResponse | null {
  // The configured public address, and the address this request reached (the same site behind a local port).
  const allowed = [siteUrl, new URL(request.url).origin]
  return isSameOrigin(originHeaders(request.headers), allowed) ? null : accountError('cross-origin', locale)
}

/** The fields of an account form: text values only; a field sent twice keeps its values as a list. */
export type Fields = Record<string, string | string[]>

/** The body as fields, or the refusal: 413 over the limit, 400 unreadable, 415 for any other type (said as 'malformed'). */
export async function readAccountFields(request: Request, locale: Locale): Promise<{ fields: Fields } | { refused: AccountErrorResponse }> {
  const body = await readBody(request, () => MAX_ACCOUNT_BODY)
  if ('refused' in body) return { refused: accountError(body.refused === 'too-large' ? 'too-large' : 'malformed', locale) }
  // Account forms take text only: numbers and ticks of a JSON body as text, and no files.
  const fields: Fields = Object.create(null)
  for (const [key, value] of Object.entries(body.fields)) {
    if (typeof value === 'string') fields[key] = value
    else if (typeof value === 'boolean' || typeof value === 'number') fields[key] = String(value)
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) fields[key] = value as string[]
    else if (value !== null) return { refused: accountError('malformed', locale) }
  }
  return { fields }
}

/** One text field: a string (the first of a list), trimmed, or ''. */
export function text(fields: Fields, name: string): string {
  const value = fields[name]
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim()
}

/** A field that may hold several values (ticked boxes). */
export function list(fields: Fields, name: string): string[] {
  const value = fields[name]
  return value === undefined ? [] : Array.isArray(value) ? value : value === '' ? [] : [value]
}
