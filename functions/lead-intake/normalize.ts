/**
 * An email address as leads are matched on it: trimmed and lower-cased. Dots and +tags are kept,
 * because for most providers they name different mailboxes, and two people must never merge.
 */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase()
}

/**
 * A phone number as leads are matched on it: digits with a leading + and country code, or null.
 * An 11-digit number starting with 1 is a Chinese mobile and gets +86.
 * @example normalizePhone('138 0013 8000') // '+8613800138000'
 */
export function normalizePhone(value: string): string | null {
  const trimmed = value.trim()
  if (!/^\+?[0-9 ()-]+$/.test(trimmed)) return null
  const digits = trimmed.replace(/[^0-9]/g, '')
  if (digits.length < 6 || digits.length > 15) return null
  if (trimmed.startsWith('+')) return `+${digits}`
  if (/^1[3-9][0-9]{9}$/.test(digits)) return `+86${digits}`
  return digits
}

/** True for an email address with a plausible shape (what a form can check; delivery proves the rest). */
export function isEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;.]{2,}$/.test(value)
}
