import { MongoServerError } from 'mongodb'
import { describe, expect, it } from 'vitest'

import { createOrJoin, LEAD_KEY_FIELDS, personWhere } from './create-lead'

const conflict = () =>
  new MongoServerError({
    ok: 0,
    code: 112,
    codeName: 'WriteConflict',
    errmsg: 'Write conflict during plan execution',
    errorLabels: ['TransientTransactionError'],
  })
const refused = () =>
  new MongoServerError({
    ok: 0,
    code: 11000,
    codeName: 'DuplicateKey',
    errmsg: 'E11000 duplicate key error',
    keyValue: { email: 'a@example.com', member: null },
  })

describe('createOrJoin', () => {
  it('answers with what it created', async () => {
    expect(
      await createOrJoin(
        async () => ({ id: 'new' }),
        async () => ({ id: 'other' }),
        LEAD_KEY_FIELDS,
      ),
    ).toEqual({ id: 'new' })
  })

  it('answers with the winner when a unique index refused the create', async () => {
    expect(
      await createOrJoin(
        async () => Promise.reject(refused()),
        async () => ({ id: 'first' }),
        LEAD_KEY_FIELDS,
      ),
    ).toEqual({ id: 'first' })
  })

  it('throws the refusal when the winner cannot be read (erased meanwhile)', async () => {
    await expect(
      createOrJoin(
        async () => Promise.reject(refused()),
        async () => null,
        LEAD_KEY_FIELDS,
      ),
    ).rejects.toMatchObject({ code: 11000 })
  })

  it('tries again after a transaction met another one’s uncommitted lead, and joins it once committed', async () => {
    const waits: number[] = []
    let creates = 0
    const winner = async () => (creates >= 3 ? { id: 'first' } : null)
    const create = async () => {
      creates++
      throw conflict()
    }
    expect(await createOrJoin(create, winner, LEAD_KEY_FIELDS, async (ms) => void waits.push(ms))).toEqual({ id: 'first' })
    expect([creates, waits]).toEqual([3, [10, 20]])
  })

  it('creates on a later try when the conflicting transaction was aborted', async () => {
    let creates = 0
    const create = async () => (++creates === 1 ? Promise.reject(conflict()) : { id: 'mine' })
    expect(
      await createOrJoin(
        create,
        async () => null,
        LEAD_KEY_FIELDS,
        async () => {},
      ),
    ).toEqual({ id: 'mine' })
  })

  it('gives up after five write conflicts with the last one', async () => {
    let creates = 0
    const create = async () => {
      creates++
      throw conflict()
    }
    await expect(
      createOrJoin(
        create,
        async () => null,
        LEAD_KEY_FIELDS,
        async () => {},
      ),
    ).rejects.toMatchObject({ code: 112 })
    expect(creates).toBe(5)
  })

  it('throws any other failure without looking for a winner', async () => {
    let looked = false
    const winner = async () => {
      looked = true
      return { id: 'first' }
    }
    await expect(createOrJoin(async () => Promise.reject(new Error('connection lost')), winner, LEAD_KEY_FIELDS)).rejects.toThrow(
      'connection lost',
    )
    expect(looked).toBe(false)
  })
})

describe('personWhere', () => {
  it.each([
    [{ email: 'a@example.com', phone: '+8613800138000' }, { email: { equals: 'a@example.com' } }],
    [{ email: null, phone: '+8613800138000' }, { phone: { equals: '+8613800138000' } }],
    [{ email: null, phone: null }, null],
  ])('%j → %j', (lead, where) => {
    expect(personWhere(lead)).toEqual(where)
  })
})
