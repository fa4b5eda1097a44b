import { describe, expect, it } from 'vitest'

import { createPageCache } from './page-cache'

function setup(options: { maxEntries?: number } = {}) {
  let time = 0
  let stamp: string | null = 'a'
  let reads = 0
  const cache = createPageCache({
    readStamp: async () => {
      reads += 1
      return stamp
    },
    now: () => time,
    ...options,
  })
  return {
    cache,
    advance: (ms: number) => (time += ms),
    publish: (next: string) => (stamp = next),
    reads: () => reads,
  }
}

const page = (text: string) => ({
  status: 200,
  headers: [['content-type', 'text/html']] as [string, string][],
  body: new TextEncoder().encode(text),
})
const text = (body: Uint8Array | undefined) => (body ? new TextDecoder().decode(body) : undefined)

describe('createPageCache', () => {
  it('keeps a page while the stamp is unchanged', async () => {
    const { cache } = setup()
    const stamp = await cache.refresh()
    cache.set('/x', page('one'), stamp)
    expect(text(cache.get('/x')?.body)).toBe('one')
  })

  it('reads the stamp at most once a second', async () => {
    const { cache, advance, reads } = setup()
    await cache.refresh()
    await cache.refresh()
    advance(999)
    await cache.refresh()
    expect(reads()).toBe(1)
    advance(1)
    await cache.refresh()
    expect(reads()).toBe(2)
  })

  it('shares one read between concurrent requests', async () => {
    const { cache, reads } = setup()
    await Promise.all([cache.refresh(), cache.refresh(), cache.refresh()])
    expect(reads()).toBe(1)
  })

  it('empties itself within a second of a publish', async () => {
    const { cache, advance, publish } = setup()
    cache.set('/x', page('old'), await cache.refresh())
    publish('b')
    advance(500)
    await cache.refresh()
    expect(text(cache.get('/x')?.body)).toBe('old')
    advance(500)
    expect(await cache.refresh()).toBe('b')
    expect(cache.get('/x')).toBeUndefined()
  })

  it('drops a page rendered from content older than the current stamp', async () => {
    const { cache, advance, publish } = setup()
    const renderedAt = await cache.refresh()
    publish('b')
    advance(1000)
    await cache.refresh()
    cache.set('/x', page('stale'), renderedAt)
    expect(cache.get('/x')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('drops the oldest entry past maxEntries', async () => {
    const { cache } = setup({ maxEntries: 2 })
    const stamp = await cache.refresh()
    cache.set('/1', page('1'), stamp)
    cache.set('/2', page('2'), stamp)
    cache.set('/3', page('3'), stamp)
    expect([cache.get('/1'), text(cache.get('/2')?.body), text(cache.get('/3')?.body)]).toEqual([undefined, '2', '3'])
  })
})
