/** What a CRM receives for each stored submission that is not spam. */
export interface SubmissionCreatedEvent {
  event: 'submission.created'
  /** Stable across retries of one delivery, so that a receiver can drop a repeat. */
  id: string
  createdAt: string
  form: { id: string | number; name: string }
  lead: { id: string | number; email: string | null; phone: string | null; name: string | null; status: string }
  submission: {
    id: string | number
    values: unknown
    locale: string | null
    pageUrl: string | null
    firstTouch: unknown
    lastTouch: unknown
    consents: unknown
  }
}

export interface SubmissionCreatedInput {
  form: { id: string | number; name: string }
  lead: { id: string | number; email?: string | null; phone?: string | null; name?: string | null; status: string }
  submission: {
    id: string | number
    createdAt: string
    values: unknown
    locale?: string | null
    pageUrl?: string | null
    firstTouch?: unknown
    lastTouch?: unknown
    consents?: unknown
  }
}

/** The delivery id of a submission's webhook, sent as the body's `id` and the `x-webhook-id` header. */
export function webhookDeliveryId(submissionId: string | number): string {
  return `submission-${submissionId}`
}

/**
 * The `submission.created` event for a form's webhook: the form, the lead and the whole submission
 * with its touches and the consent text the person saw; absent values are null, never missing.
 */
export function submissionCreatedEvent({ form, lead, submission }: SubmissionCreatedInput): SubmissionCreatedEvent {
  return {
    event: 'submission.created',
    id: webhookDeliveryId(submission.id),
    createdAt: submission.createdAt,
    form: { id: form.id, name: form.name },
    lead: { id: lead.id, email: lead.email ?? null, phone: lead.phone ?? null, name: lead.name ?? null, status: lead.status },
    submission: {
      id: submission.id,
      values: submission.values,
      locale: submission.locale ?? null,
      pageUrl: submission.pageUrl ?? null,
      firstTouch: submission.firstTouch ?? null,
      lastTouch: submission.lastTouch ?? null,
      consents: submission.consents ?? null,
    },
  }
}
