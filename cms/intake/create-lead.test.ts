import { MongoServerError } from 'mongodb'
import { describe, expect, it } from 'vitest'

import { createOrJoin, LEAD_KEY_FIELDS, personWhere } from './create-lead'

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
