import { describe, expect, it } from 'vitest'

import { DUMMY_HASH, hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from './password-hash'

const FAST = { N: 2 ** 10, r: 8, p: 1 }

describe('hashPassword / verifyPassword', () => {
  it('stores scrypt with its parameters and a fresh salt, and verifies only the same password', async () => {
    const a = await hashPassword('Tea-garden 42 lanterns', FAST)
    const b = await hashPassword('Tea-garden 42 lanterns', FAST)
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('Tea-garden 42 lanterns', a)).toBe(true)
    expect(await verifyPassword('tea-garden 42 lanterns', a)).toBe(false)
    expect(await verifyPassword('', a)).toBe(false)
  })

  it('folds compatibility forms (NFKC): a full-width password typed on a Chinese keyboard matches', async () => {
    const stored = await hashPassword('Ｌａｎｔｅｒｎ２０２６', FAST)
    expect(await verifyPassword('Lantern2026', stored)).toBe(true)
  })

  it.each([[null], [undefined], [''], ['bcrypt$x'], ['scrypt$3$8$1$AA$AA'], ['scrypt$1073741824$8$1$AA$AA'], [DUMMY_HASH]])(
    'answers false for a stored value %j',
    async (stored) => {
      expect(await verifyPassword('anything at all 1', stored)).toBe(false)
    },
  )

  it('answers false for a password that is not text', async () => {
    const stored = await hashPassword('Tea-garden 42 lanterns', FAST)
    expect(await verifyPassword({ toString: () => 'Tea-garden 42 lanterns' }, stored)).toBe(false)
  })

  it('asks for a rehash only below today’s cost', async () => {
    expect(needsRehash(await hashPassword('Tea-garden 42 lanterns', FAST))).toBe(true)
    expect(needsRehash(`scrypt$${SCRYPT_PARAMS.N}$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)).toBe(false)
    expect(needsRehash('nonsense')).toBe(true)
  })
})
