import { describe, expect, it } from 'vitest'

import { readWithin } from './body-limit'

/** A stream of `count` chunks of `size` bytes that records how many were pulled. */
function chunked(count: number, size: number) {
  const state = { pulled: 0 }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === count) return controller.close()
      state.pulled++
      controller.enqueue(new Uint8Array(size).fill(97))
    },
  })
  return { stream, state }
}

describe('readWithin', () => {
  it('reads a body within the limit whole', async () => {
    const { stream } = chunked(4, 1000)
    const result = await readWithin(stream, 4000)
    expect('bytes' in result && result.bytes.byteLength).toBe(4000)
  })
  it('stops at the first chunk past the limit of an endless body', async () => {
    const { stream, state } = chunked(Number.MAX_SAFE_INTEGER, 16_384)
    expect(await readWithin(stream, 64 * 1024)).toEqual({ refused: 'too-large' })
    expect(state.pulled).toBeLessThanOrEqual(6)
  })
  it("reads an async iterable (Node's request) the same way, and stops pulling it past the limit", async () => {
    let pulled = 0
    async function* endless() {
      for (;;) {
        pulled++
        yield new Uint8Array(16_384).fill(97)
      }
    }
    async function* small() {
      yield new Uint8Array([104, 105])
      yield new Uint8Array([33])
    }
    const iterable = endless()
    expect(await readWithin(iterable, 64 * 1024)).toEqual({ refused: 'too-large' })
    expect(pulled).toBe(5)
    // Ended, so its owner can drop the rest (Node's request: without destroying the socket).
    expect(await iterable.next()).toEqual({ done: true, value: undefined })
    expect(await readWithin(small(), 10)).toEqual({ bytes: new Uint8Array([104, 105, 33]) })
  })
  it('an empty body is empty', async () => {
    expect(await readWithin(null, 10)).toEqual({ bytes: new Uint8Array(0) })
  })
  it('a broken body is unreadable', async () => {
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error('reset')) })
    expect(await readWithin(stream, 10)).toEqual({ refused: 'unreadable' })
  })
})
