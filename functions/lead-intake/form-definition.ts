/** A text in each locale, as the CMS stores localised labels of a form. */
export type Localized = Partial<Record<'zh-CN' | 'en', string | null>>

/** The kinds of field an editor can put on a form. */
export const FIELD_TYPES = ['text', 'email', 'phone', 'textarea', 'number', 'date', 'select', 'radio', 'checkbox', 'consent', 'hidden'] as const
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
}

/** A form definition in one locale (labels already resolved). */
export interface FormDefinition {
  id: string | number
  name: string
  fields: FieldDefinition[]
  /** Submissions faster than this after the page was rendered are likely bots. */
  minSecondsToSubmit?: number | null
}

/** A value as stored: text, a number, or the chosen options of a checkbox group. */
export type FieldValue = string | number | boolean | string[]
