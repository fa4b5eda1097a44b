// The one body reader of the site, for lead forms and account forms alike: form-encoded,
// multipart or JSON, read within a size limit before anything is parsed.
import { readWithin } from '../../functions/http/body-limit'
import type { UploadedFile } from '../../functions/lead-intake/files'

/** Why a body was not read: over the limit, not parseable, or of a type the site does not take. */
export type BodyRefusal = 'too-large' | 'malformed' | 'unsupported-type'

/** A field's value: text, an uploaded file (multipart), or whatever a JSON body held. */
export type BodyFields = Record<string, unknown>

/** A request as the reader needs it: Astro's Request, or Node's request on the fast path (site/lib/form-post.ts). */
export interface BodySource {
  headers: { get(name: string): string | null }
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null
}

const mediaType = (request: BodySource) => (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()

/**
 * The body as fields (a field sent twice keeps its values as a list; a multipart file as its name
 * and bytes), or why not. `limit` may depend on the type: uploads are larger than text.
 * @example const body = await readBody(request, (type) => (type === 'multipart/form-data' ? 11e6 : 64e3))
 */
export async function readBody(
  request: BodySource,
  limit: (type: string) => number,
): Promise<{ fields: BodyFields } | { refused: BodyRefusal }> {
  const type = mediaType(request)
  const max = limit(type)
  if (Number(request.headers.get('content-length') ?? 0) > max) return { refused: 'too-large' }
  // Read within the limit: a chunked body declares no length.
  const read = await readWithin(request.body, max)
  if ('refused' in read) return { refused: read.refused === 'too-large' ? 'too-large' : 'malformed' }
  const fields: BodyFields = Object.create(null)
  if (type === 'application/json') {
    let parsed: unknown
    try {
      parsed = JSON.parse(new TextDecoder().decode(read.bytes))
    } catch {
      return { refused: 'malformed' }
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { refused: 'malformed' }
    return { fields: Object.assign(fields, parsed) }
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const data = await new Response(read.bytes, { headers: { 'content-type': request.headers.get('content-type')! } })
      .formData()
      .catch(() => null)
    if (!data) return { refused: 'malformed' }
    for (const [key, entry] of data.entries()) {
      const value: string | UploadedFile =
        typeof entry === 'string' ? entry : { filename: entry.name, size: entry.size, bytes: new Uint8Array(await entry.arrayBuffer()) }
      const existing = fields[key]
      fields[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
    }
    return { fields }
  }
  return { refused: 'unsupported-type' }
}
