// What the lead form (FormSlot.astro, FormField.astro) computes before its markup: its words, its
// state after a refused POST or a submission, and each field's input attributes.
import type { FieldDefinition } from '../../functions/lead-intake/form-definition'

export interface PublicForm {
  id: string | number
  submitLabel?: string | null
  successMessage?: string | null
  fields: FieldDefinition[]
}

/** What the server keeps of a refused POST (Astro.locals.formState): its form, errors and values. */
export interface FormState {
  formId: string
  errors: Record<string, string>
  values: Record<string, unknown>
}

const WORDS = {
  'zh-CN': {
    formErrors: '请修正下面标出的问题后再提交。',
    required: '必填',
    choose: '请选择',
    submit: '提交',
    download: '下载 PDF',
  },
  en: {
    formErrors: 'Please fix the fields marked below and submit again.',
    required: 'required',
    choose: 'Choose…',
    submit: 'Send',
    download: 'Download the PDF',
  },
}

export type FormWords = (typeof WORDS)['en']

export const formWords = (locale: string): FormWords => WORDS[locale as keyof typeof WORDS] ?? WORDS.en

/** A token's shape only, so nothing else from the address reaches the page; /download checks its signature. */
const DOWNLOAD_TOKEN = /^[A-Za-z0-9_-]{1,400}\.[A-Za-z0-9_-]{20,100}$/

/**
 * The form of a block and its state on this request: the refused POST's errors and values when they
 * are this form's, whether it was just submitted (?submitted=<id>), and the download link a download
 * offer earned (?download=<token>, site/lib/form-submit.ts).
 */
export function formSlotState(blockForm: unknown, formState: FormState | null | undefined, params: URLSearchParams) {
  const form = blockForm && typeof blockForm === 'object' ? (blockForm as PublicForm) : null
  const state = form && formState?.formId === String(form.id) ? formState : null
  const submitted = Boolean(form && params.get('submitted') === String(form.id))
  const downloadToken = submitted ? (params.get('download') ?? '') : ''
  return {
    form,
    formId: form ? `form-${form.id}` : undefined,
    submitted,
    downloadPath: DOWNLOAD_TOKEN.test(downloadToken) ? `/download/${downloadToken}` : null,
    errors: state?.errors ?? {},
    values: state?.values ?? {},
  }
}

/** A submitted value as text ('' when there is none or it is a list). */
export const textValue = (values: Record<string, unknown>, name: string): string =>
  typeof values[name] === 'string' ? (values[name] as string) : ''

/** The submitted choices of a radio group or checkboxes. */
export const chosenValues = (values: Record<string, unknown>, name: string): string[] =>
  Array.isArray(values[name]) ? (values[name] as string[]) : typeof values[name] === 'string' ? [values[name] as string] : []

const INPUT_TYPE: Record<string, string> = { email: 'email', phone: 'tel', number: 'number', date: 'date', text: 'text', hidden: 'hidden' }

/** The input type of a field rendered as an <input> (text for any other). */
export const inputType = (type: string): string => INPUT_TYPE[type] ?? 'text'

/** The autocomplete hint of a field: email, phone and a field named name. */
export const autocompleteOf = (field: Pick<FieldDefinition, 'type' | 'name'>): string | undefined =>
  field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : field.name === 'name' ? 'name' : undefined

// A hint for the file picker only: the server judges files by their content.
const ACCEPT = {
  pdf: '.pdf,application/pdf',
  image: 'image/png,image/jpeg,image/gif,image/webp',
  office: '.doc,.docx,.xls,.xlsx,.ppt,.pptx',
  text: '.txt,text/plain',
}

/** The file picker's accept list for the kinds a file field takes (PDF and images when none is set). */
export const fileAccept = (kinds?: string[] | null): string =>
  (kinds?.length ? kinds : ['pdf', 'image'])
    .map((k) => ACCEPT[k as keyof typeof ACCEPT])
    .filter(Boolean)
    .join(',')
