import { isUploadedFile, safeFilename, sniffFile } from './files'
import { type FieldDefinition, type FieldValue, type FormDefinition, MAX_FILE_MB } from './form-definition'
import { type Messages, messagesFor } from './messages'
import { isEmail, normalizePhone } from './normalize'

/** The longest text any field keeps, whatever its definition says. */
export const HARD_MAX_LENGTH = 10_000

/** A checked file waiting to be stored: its safe name and the content type its bytes show. */
export interface AcceptedFile {
  field: string
  filename: string
  mimeType: string
  size: number
  bytes: Uint8Array
}

export type ValidationResult =
  | { ok: true; values: Record<string, FieldValue>; consents: { field: string; text: string }[]; files: AcceptedFile[] }
  | { ok: false; errors: Record<string, string> }

// Control characters are dropped; newlines stay only where a textarea allows them.
function clean(value: string, multiline: boolean): string {
  const stripped = multiline ? value.replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '') : value.replace(/[\u0000-\u001F\u007F]/g, ' ')
  return stripped.trim()
}

function safePattern(pattern: string | null | undefined): RegExp | null {
  if (!pattern) return null
  try {
    return new RegExp(`^(?:${pattern})$`, 'u')
  } catch {
    // An editor's invalid pattern must not break the form for every visitor: it checks nothing.
    return null
  }
}

function single(raw: unknown): string | null | undefined {
  if (raw === undefined || raw === null) return undefined
  if (Array.isArray(raw)) return raw.length === 1 && typeof raw[0] === 'string' ? raw[0] : null
  if (typeof raw === 'string') return raw
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw)
  return null
}

function checkFile(field: FieldDefinition, raw: unknown, m: Messages): { file?: Omit<AcceptedFile, 'field'>; error?: string } {
  // A file input left empty arrives as an empty string or an empty file.
  if (raw === undefined || raw === '' || (isUploadedFile(raw) && raw.size === 0)) return field.required ? { error: m.required } : {}
  if (!isUploadedFile(raw)) return { error: m.type }
  const maxMB = Math.min(field.maxSizeMB ?? 5, MAX_FILE_MB)
  if (raw.size > maxMB * 1024 * 1024) return { error: m.fileTooLarge(maxMB) }
  const sniffed = sniffFile(raw.bytes)
  const accepted = field.accept?.length ? field.accept : ['pdf', 'image']
  if (!sniffed || !accepted.includes(sniffed.kind)) return { error: m.fileType }
  return { file: { filename: safeFilename(raw.filename), mimeType: sniffed.mimeType, size: raw.size, bytes: raw.bytes } }
}

function checkField(field: FieldDefinition, raw: unknown, m: Messages): { value?: FieldValue; error?: string } {
  if (field.type === 'checkbox') {
    const chosen = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).filter((v) => v !== '')
    if (!chosen.every((v) => typeof v === 'string')) return { error: m.type }
    const allowed = new Set((field.options ?? []).map((o) => o.value))
    if (!chosen.every((v) => allowed.has(v as string))) return { error: m.option }
    if (field.required && chosen.length === 0) return { error: m.required }
    return chosen.length ? { value: [...new Set(chosen as string[])] } : {}
  }
  if (field.type === 'consent') {
    const given = raw === true || raw === 'on' || raw === 'true' || raw === 'yes'
    if (field.required && !given) return { error: m.consent }
    return given ? { value: true } : {}
  }
  const text = single(raw)
  if (text === null) return { error: m.type }
  const value = clean(text ?? '', field.type === 'textarea')
  if (value === '') return field.required ? { error: m.required } : {}
  const max = Math.min(field.maxLength ?? HARD_MAX_LENGTH, HARD_MAX_LENGTH)
  if ([...value].length > max) return { error: m.tooLong(max) }
  if (field.minLength && [...value].length < field.minLength) return { error: m.tooShort(field.minLength) }

  switch (field.type) {
    case 'email':
      if (!isEmail(value)) return { error: m.email }
      break
    case 'phone':
      if (!normalizePhone(value)) return { error: m.phone }
      break
    case 'number': {
      if (!/^-?[0-9]+(\.[0-9]+)?$/.test(value)) return { error: m.number }
      const n = Number(value)
      if (field.min != null && n < field.min) return { error: m.min(field.min) }
      if (field.max != null && n > field.max) return { error: m.max(field.max) }
      return { value: n }
    }
    case 'date': {
      const date = new Date(`${value}T00:00:00Z`)
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
        return { error: m.date }
      break
    }
    case 'select':
    case 'radio':
      if (!(field.options ?? []).some((o) => o.value === value)) return { error: m.option }
      break
  }
  const pattern = safePattern(field.pattern)
  if (pattern && !pattern.test(value)) return { error: field.patternMessage || m.pattern }
  return { value }
}

/**
 * Checks a submission against the form's stored definition, never the browser's word: unknown
 * fields are dropped, values cleaned, types and limits enforced. Messages are in `locale`.
 * @example validateSubmission(form, { email: 'a@b.co' }, 'en')
 */
export function validateSubmission(form: FormDefinition, input: Record<string, unknown>, locale: string): ValidationResult {
  const m = messagesFor(locale)
  const values: Record<string, FieldValue> = Object.create(null)
  const errors: Record<string, string> = Object.create(null)
  const consents: { field: string; text: string }[] = []
  const files: AcceptedFile[] = []
  for (const field of form.fields) {
    const raw = Object.hasOwn(input, field.name) ? input[field.name] : undefined
    if (field.type === 'file') {
      const { file, error } = checkFile(field, raw, m)
      if (error) errors[field.name] = error
      else if (file) files.push({ field: field.name, ...file })
      continue
    }
    // A file sent for any other field is refused, never stored.
    if (isUploadedFile(raw) || (Array.isArray(raw) && raw.some(isUploadedFile))) {
      errors[field.name] = m.type
      continue
    }
    const { value, error } = checkField(field, raw, m)
    if (error) errors[field.name] = error
    else if (value !== undefined) {
      values[field.name] = value
      if (field.type === 'consent') consents.push({ field: field.name, text: field.consentText ?? field.label })
    }
  }
  return Object.keys(errors).length ? { ok: false, errors: { ...errors } } : { ok: true, values: { ...values }, consents, files }
}
