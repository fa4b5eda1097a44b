import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'

/** MongoDB's error code for a write that would put a second document under one key of a unique index (E11000). */
export const DUPLICATE_KEY = 11000

// Payload's MongoDB adapter turns E11000 into a ValidationError naming the index's first field,
// with this message in the request's language (db-mongodb utilities/handleError).
const UNIQUE_MESSAGES = new Set([en.translations.error.valueMustBeUnique, zh.translations.error.valueMustBeUnique])

/**
 * Whether a write failed because a unique index already holds its key: the driver's E11000 error
 * or Payload's ValidationError made from one.
 * With `fields`, only a duplicate on one of those fields counts (a ValidationError names the
 * index's first field; the driver's error its whole key).
 * @example isDuplicateKeyError({ code: 11000, keyValue: { email: 'a@b.c' } }, ['email']) // true
 */
export function isDuplicateKeyError(error: unknown, fields?: readonly string[]): boolean {
  if (!error || typeof error !== 'object') return false
  const named = (path: unknown) => !fields || (typeof path === 'string' && fields.includes(path))
  const { code, keyValue, keyPattern, message } = error as { code?: unknown; keyValue?: unknown; keyPattern?: unknown; message?: unknown }
  if (code === DUPLICATE_KEY) {
    const key = keyValue ?? keyPattern
    // An E11000 that names no key (older servers say it only in the message) is still a duplicate.
    if (!key || typeof key !== 'object') return !fields || fields.some((field) => String(message).includes(field))
    return Object.keys(key).some(named)
  }
  if ((error as Error).name === 'ValidationError') {
    const errors = (error as { data?: { errors?: { path?: unknown; message?: unknown }[] } }).data?.errors
    return (
      Array.isArray(errors) &&
      errors.length > 0 &&
      errors.every((e) => UNIQUE_MESSAGES.has(String(e.message))) &&
      errors.some((e) => named(e.path))
    )
  }
  return false
}

/** MongoDB's error code for a write that met another transaction's uncommitted write of the same document or key. */
export const WRITE_CONFLICT = 112

/**
 * Whether a write failed inside a transaction for a reason that trying the transaction again may
 * cure: the server labels it TransientTransactionError (a write conflict with another transaction
 * among them). Payload's MongoDB adapter passes such errors on as the driver threw them.
 * @example isTransientTransactionError({ code: 112, errorLabels: ['TransientTransactionError'] }) // true
 */
export function isTransientTransactionError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const { code, errorLabels, hasErrorLabel } = error as { code?: unknown; errorLabels?: unknown; hasErrorLabel?: unknown }
  if (typeof hasErrorLabel === 'function' && hasErrorLabel.call(error, 'TransientTransactionError') === true) return true
  return code === WRITE_CONFLICT || (Array.isArray(errorLabels) && errorLabels.includes('TransientTransactionError'))
}
