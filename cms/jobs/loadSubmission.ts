import type { PayloadRequest } from 'payload'

import { type Locale, LOCALE_CODES } from '../../functions/content/locales'
import type { Form, Lead, Submission } from '../payload-types'
import { inputId } from './input-id'

/** A submission with its form (in the submission's language) and its lead, as a delivery job needs them. */
export interface LoadedSubmission {
  submission: Submission
  form: Form
  lead: Lead
  locale: Locale
  values: Record<string, unknown>
}

/**
 * Reads what a delivery job is about from the id in its input (a string, as jobs store it).
 * @example const { submission, form, lead } = await loadSubmission(req, input.submissionId)
 */
export async function loadSubmission(req: PayloadRequest, submissionId: string): Promise<LoadedSubmission> {
  const submission = await req.payload.findByID({ collection: 'submissions', id: inputId(req, submissionId), depth: 0 })
  const locale = LOCALE_CODES.find((code) => code === submission.locale) ?? LOCALE_CODES[0]!
  const formId = typeof submission.form === 'object' ? submission.form.id : submission.form
  const leadId = typeof submission.lead === 'object' ? submission.lead.id : submission.lead
  const form = await req.payload.findByID({ collection: 'forms', id: formId, depth: 0, locale })
  const lead = await req.payload.findByID({ collection: 'leads', id: leadId, depth: 0, joins: false })
  const values =
    submission.values && typeof submission.values === 'object' && !Array.isArray(submission.values)
      ? (submission.values as Record<string, unknown>)
      : {}
  return { submission, form, lead, locale, values }
}

/** The visitor's address: the value of the form's first email field that was filled in, or null. */
export function visitorEmail({ form, values }: Pick<LoadedSubmission, 'form' | 'values'>): string | null {
  for (const field of form.fields ?? []) {
    const value = values[field.name]
    if (field.type === 'email' && typeof value === 'string' && value.trim()) return value.trim()
  }
  return null
}
