/** What reading a body within a limit gives: its bytes, or why not. */
export type LimitedBody = { bytes: Uint8Array<ArrayBuffer> } | { refused: 'too-large' | 'unreadable' }

/**
 * Reads a request body chunk by chunk and stops as soon as it passes `limit` bytes, so a chunked
 * body, which declares no length, costs at most the limit in memory. A web stream is cancelled
 * there, an async iterable ended: Node's own request comes as `req.iterator({ destroyOnReturn: false })`,
 * so that ending it leaves the socket to carry the 413.
 * @example await readWithin(request.body, 64 * 1024)
 */
export async function readWithin(body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null, limit: number): Promise<LimitedBody> {
  if (!body) return { bytes: new Uint8Array(0) }
  const stream = 'getReader' in body ? body.getReader() : null
  const iterator = stream ? null : (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = stream ? await stream.read() : await iterator!.next()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        // Nothing more is read: the rest of the body is the client's to stop sending.
        stream?.cancel().catch(() => undefined)
        iterator?.return?.().catch(() => undefined)
        return { refused: 'too-large' }
      }
      chunks.push(value)
    }
  } catch {
    // The client went away, or the adapter's own cap was passed first.
    return { refused: size > 0 ? 'too-large' : 'unreadable' }
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return { bytes }
}

/**
 * The largest request body the site reads at all (a form with a 10 MB file fits): the adapter's cap
 * (astro.config.mjs) and site/server.mjs's check of a declared length. Each reader caps lower.
 */
export const MAX_REQUEST_BYTES = 11 * 1024 * 1024
