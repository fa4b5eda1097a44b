import { escapeHtml } from '../content/rich-text'

export interface AutoresponderInput {
  /** The form's subject in the visitor's language; `{name}` is replaced. */
  subject: string
  /** The form's body in the visitor's language, plain text; `{name}` is replaced. */
  body: string
  /** The visitor's name as they typed it, or an empty string. */
  name: string
}

/**
 * The email a visitor gets after submitting a form: the editor's subject and body with `{name}`
 * filled in, as escaped HTML (a blank line starts a paragraph, a line break stays one) and plain text.
 * @example renderAutoresponder({ subject: 'Thanks, {name}', body: 'Hi {name}', name: 'Ada' }).html // '<p>Hi Ada</p>'
 */
export function renderAutoresponder(input: AutoresponderInput): { subject: string; html: string; text: string } {
  // A function, so that `$&` and the like in a name are not read as replacement patterns.
  const fill = (template: string) => template.replaceAll('{name}', () => input.name)
  // A line break in a subject would start a new mail header.
  const subject = fill(input.subject)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim()
  const text = fill(input.body)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim()
  const html = text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
  return { subject, html, text }
}
