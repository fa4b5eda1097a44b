import { describe, expect, it } from 'vitest'

import { readSmallForm, SMALL_FORM_LIMIT } from './small-form'

/** A chunked POST: a body stream of `chunks` pieces of `size` bytes, with no content-length. */
function chunked(chunks: number, size: number, byte = 0x61): { request: Request; pulled: () => number } {
  let pulled = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close()
      pulled += 1
      controller.enqueue(new Uint8Array(size).fill(byte))
    },
  })
  const request = new Request('http://localhost/consent', { method: 'POST', body, duplex: 'half' } as RequestInit)
  return { request, pulled: () => pulled }
}

describe('readSmallForm', () => {
  it('reads a small url-encoded form', async () => {
    const request = new Request('http://localhost/consent', {
      method: 'POST',
      body: 'answer=yes&back=%2Fen',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    const form = await readSmallForm(request)
    expect(form === 'too-large' ? form : [...form.entries()]).toEqual([
      ['answer', 'yes'],
      ['back', '/en'],
    ])
  })

  it('refuses a declared length over the limit without reading', async () => {
    const request = new Request('http://localhost/consent', {
      method: 'POST',
      body: 'x',
      headers: { 'content-length': String(SMALL_FORM_LIMIT + 1) },
    })
    expect(await readSmallForm(request)).toBe('too-large')
  })

  it('stops reading a chunked body as soon as it passes the limit (a 1 GB body costs one chunk more than the limit)', async () => {
    const body = chunked(16_384, 64 * 1024)
    expect(await readSmallForm(body.request)).toBe('too-large')
    expect(body.pulled()).toBeLessThanOrEqual(3)
  })
})
