import type { FormDefinition } from './form-definition'
import type { Touch } from './intake'

const TOUCH_KEYS = ['channel', 'source', 'medium', 'campaign', 'content', 'term', 'referrer', 'landingPage'] as const

/**
 * The values of a form's hidden fields, filled by the server from the page URL's parameter or the
 * visitor's touch that each field names; the browser's own value is ignored, so it cannot be forged.
 * @example fillHiddenFields(form, { campaign: 'forged' }, 'https://b.example/?utm_campaign=spring', null) // { campaign: 'spring' }
 */
export function fillHiddenFields(
  form: FormDefinition,
  input: Record<string, unknown>,
  pageUrl: string,
  touch: Touch | null,
): Record<string, unknown> {
  const hidden = form.fields.filter((f) => f.type === 'hidden')
  if (hidden.length === 0) return input
  let params: URLSearchParams | null = null
  try {
    params = new URL(pageUrl).searchParams
  } catch {
    // An unreadable page URL fills nothing from it; the touch may still.
  }
  const filled: Record<string, unknown> = Object.assign(Object.create(null), input)
  for (const field of hidden) {
    const from = field.fillFrom?.trim()
    delete filled[field.name]
    if (!from) continue
    const fromTouch = (TOUCH_KEYS as readonly string[]).includes(from) ? touch?.[from as (typeof TOUCH_KEYS)[number]] : null
    const value = fromTouch ?? params?.get(from) ?? null
    if (value) filled[field.name] = value
  }
  return filled
}
