// The lead forms as the site shows them: fields and words, never routing addresses or secrets.
import type { Form } from '../../cms/payload-types'
import type { FieldDefinition } from '../../functions/lead-intake/form-definition'
import { cms } from './cms'
import { perStamp } from './per-stamp'

/** What the site may show of a form: its fields and words, never its routing addresses. */
export interface PublicForm {
  id: number | string
  name: string
  submitLabel?: string | null
  successMessage?: string | null
  redirectPath?: string | null
  minSecondsToSubmit?: number | null
  fields: FieldDefinition[]
  /** Whether deliveries beyond the sales email are set up; never their addresses or secrets. */
  autoresponder: boolean
  webhook: boolean
  /** The PDF a submission earns when the form's success action is "send the download". */
  download: { media: string | number; filename: string } | null
}

// Unknown ids are remembered too, so a flood of bad ids costs no queries (perStamp bounds the keys).
const forms = perStamp((key) => {
  const [id, locale] = JSON.parse(key) as [string | number, string]
  return readForm(id, locale)
})

/**
 * A form in a locale, read as the site itself (forms are not public over the API), or null.
 * With a content stamp it is read once per stamp: editing a form changes the stamp.
 */
export function findForm(id: string | number, locale: string, stamp: string | null = null): Promise<PublicForm | null> {
  return stamp ? forms(stamp, JSON.stringify([id, locale])) : readForm(id, locale)
}

/** The form's download when it sends one and the chosen file is (still) a PDF. */
function offeredDocument(form: Form): PublicForm['download'] {
  const media = form.successAction === 'download' ? form.download : null
  if (!media || typeof media !== 'object' || media.mimeType !== 'application/pdf' || !media.filename) return null
  return { media: media.id, filename: media.filename }
}

async function readForm(id: string | number, locale: string): Promise<PublicForm | null> {
  const payload = await cms()
  const form = await payload.findByID({ collection: 'forms', id, depth: 1, locale: locale as 'zh-CN' | 'en', disableErrors: true })
  if (!form) return null
  const redirect = form.redirect as { path?: string } | null | undefined
  return {
    id: form.id,
    name: form.name,
    submitLabel: form.submitLabel,
    successMessage: form.successMessage,
    redirectPath: redirect && typeof redirect === 'object' ? (redirect.path ?? null) : null,
    minSecondsToSubmit: form.minSecondsToSubmit,
    autoresponder: Boolean(form.autoresponder?.enabled),
    webhook: Boolean(form.webhook?.url),
    download: offeredDocument(form),
    fields: (form.fields ?? []).map((f) => ({
      name: f.name,
      type: f.type as FieldDefinition['type'],
      label: f.label,
      required: f.required,
      minLength: f.minLength,
      maxLength: f.maxLength,
      pattern: f.pattern,
      patternMessage: f.patternMessage,
      min: f.min,
      max: f.max,
      options: (f.options ?? []).map((o) => ({ value: o.value, label: o.label })),
      consentText: f.consentText,
      fillFrom: f.fillFrom,
      maxSizeMB: f.maxSizeMB,
      accept: f.accept as FieldDefinition['accept'],
    })),
  }
}
