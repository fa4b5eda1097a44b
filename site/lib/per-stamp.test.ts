import { describe, expect, it } from 'vitest'

import { perStamp } from './per-stamp'

describe('perStamp', () => {
  it('reads a key once per stamp and again when the stamp changes', async () => {
    const reads: string[] = []
    const cached = perStamp(async (key) => {
      reads.push(key)
      return `${key}#${reads.length}`
    })
    expect(await cached('s1', 'a')).toBe('a#1')
    expect(await cached('s1', 'a')).toBe('a#1')
    expect(await cached('s1', 'b')).toBe('b#2')
    expect(await cached('s2', 'a')).toBe('a#3')
    expect(reads).toEqual(['a', 'b', 'a'])
  })

  it('does not keep a failed read', async () => {
    let calls = 0
    const cached = perStamp(async () => {
      calls += 1
      if (calls === 1) throw new Error('database away')
      return 'ok'
    })
    await expect(cached('s1')).rejects.toThrow('database away')
    expect(await cached('s1')).toBe('ok')
    expect(calls).toBe(2)
  })

  it('keeps at most maxKeys keys', async () => {
    let calls = 0
    const cached = perStamp(async (key) => {
      calls += 1
      return key
    }, 2)
    await cached('s', 'a')
    await cached('s', 'b')
    await cached('s', 'c') // forgets a and b
    await cached('s', 'a')
    expect(calls).toBe(4)
  })
})
