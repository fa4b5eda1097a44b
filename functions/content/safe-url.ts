// The one allow-list for every URL an editor enters and the site renders as an href: social
// accounts, link fields and buttons, campaign-link targets, redirects. A `javascript:` or `data:`
// URL would run script on the brand's domain for every visitor who clicks it.

// Controls: browsers drop tabs and newlines inside a URL ('java\tscript:' runs).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
export const MAX_URL_LENGTH = 2048

/**
 * The URL as it may go into an href, or null: http(s) URLs, mailto:, tel:, a path on this site
 * (not `//host` or `/\host`, which browsers read as another site) or a #fragment.
 * @example safeHref('javascript:alert(1)') // null
 * @example safeHref(' https://weibo.com/brand ') // 'https://weibo.com/brand'
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null
  const value = url.trim()
  if (!value || value.length > MAX_URL_LENGTH || CONTROL.test(value)) return null
  if (value.startsWith('/')) return value.startsWith('//') || value.startsWith('/\\') ? null : value
  if (value.startsWith('#')) return value
  return /^(https?:\/\/[^/\\?#]|mailto:[^/]|tel:\+?[0-9(])/i.test(value) ? value : null
}

/**
 * Why an editor's URL cannot be saved, or null: the same rule as safeHref, said for the field.
 * @example editorUrlProblem('javascript:alert(1)') // 'Use a link starting with https://, …'
 */
export function editorUrlProblem(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value !== 'string') return 'Enter the link as text.'
  if (value.trim().length > MAX_URL_LENGTH) return `A link may be at most ${MAX_URL_LENGTH} characters long.`
  return safeHref(value) === null || /\s/.test(value.trim())
    ? 'Use a link starting with https://, http://, mailto:, tel:, or a path on this site such as /contact (no spaces).'
    : null
}
