import { readWithin } from '../../functions/http/body-limit'

/** The most a small form (the consent banner, one-click unsubscribe) may send; a real one is under 200 bytes. */
export const SMALL_FORM_LIMIT = 8 * 1024

/**
 * Reads a small url-encoded form within `limit` bytes while streaming, so a chunked body (which
 * declares no length) cannot make the site hold more than the limit: the fields, or 'too-large'.
 * @example const form = await readSmallForm(request); if (form === 'too-large') return new Response(null, { status: 413 })
 */
export async function readSmallForm(request: Request, limit = SMALL_FORM_LIMIT): Promise<URLSearchParams | 'too-large'> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return 'too-large'
  const read = await readWithin(request.body, limit)
  if ('refused' in read) return read.refused === 'too-large' ? 'too-large' : new URLSearchParams()
  return new URLSearchParams(new TextDecoder().decode(read.bytes))
}
