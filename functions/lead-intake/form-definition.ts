/** A text in each locale, as the CMS stores localised labels of a form. */
export type Localized = Partial<Record<'zh-CN' | 'en', string | null>>

/** The kinds of field an editor can put on a form. */
export const FIELD_TYPES = [
  'text',
  'email',
  'phone',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'consent',
  'hidden',
  'file',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

/** One field of a form, as an editor defined it in the CMS. */
export interface FieldDefinition {
  name: string
  type: FieldType
  label: string
  required?: boolean | null
  minLength?: number | null
  maxLength?: number | null
  pattern?: string | null
  patternMessage?: string | null
  options?: { value: string; label: string }[] | null
  min?: number | null
  max?: number | null
  /** For consent fields: the exact text the visitor agrees to; it is stored with every submission. */
  consentText?: string | null
  /** For hidden fields: the URL parameter or touch key the server fills the value from. */
  fillFrom?: string | null
  /** For file fields: the largest file accepted, in MB, and the kinds of content accepted. */
  maxSizeMB?: number | null
  accept?: FileKind[] | null
}

/** The kinds of file a form may accept; each is recognised by its content, not its name. */
export const FILE_KINDS = ['pdf', 'image', 'office', 'text'] as const
export type FileKind = (typeof FILE_KINDS)[number]

/** No uploaded file is kept above this size, whatever a form says. */
export const MAX_FILE_MB = 10

/** A form definition in one locale (labels already resolved). */
export interface FormDefinition {
  id: string | number
  name: string
  fields: FieldDefinition[]
  /** Submissions faster than this after the page was rendered are likely bots. */
  minSecondsToSubmit?: number | null
  /** Whether the visitor gets an autoresponder email, and whether a CRM webhook is set. */
  autoresponder?: boolean | null
  webhook?: boolean | null
  /** Set when a successful submission earns a download (a content offer), emailed as a signed link. */
  download?: object | boolean | null
}

/** A value as stored: text, a number, or the chosen options of a checkbox group. */
export type FieldValue = string | number | boolean | string[] | StoredFile

/** A file as a submission keeps it: where it is stored and what it was. */
export interface StoredFile {
  file: string | number
  filename: string
  mimeType: string
  size: number
}
