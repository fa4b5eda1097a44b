import { MongoServerError } from 'mongodb'
import { ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'

import { isDuplicateKeyError, isTransientTransactionError } from './duplicate-key'

// The server's reply to an insert refused by a unique index, as the driver turns it into an error.
const e11000 = (keyValue: Record<string, unknown> | undefined, index = 'one_lead_per_email') =>
  new MongoServerError({
    ok: 0,
    code: 11000,
    codeName: 'DuplicateKey',
    errmsg: `E11000 duplicate key error collection: brand.leads index: ${index} dup key: ${JSON.stringify(keyValue ?? {})}`,
    ...(keyValue ? { keyValue, keyPattern: Object.fromEntries(Object.keys(keyValue).map((key) => [key, 1])) } : {}),
  })

// What Payload's MongoDB adapter throws instead (db-mongodb utilities/handleError): the index's first field, in the request's language.
const payloadUnique = (path: string, message = 'Value must be unique') =>
  new ValidationError({ collection: 'leads', errors: [{ message, path }] })

describe('isDuplicateKeyError', () => {
  it.each([
    ['the driver’s E11000 on the email index', e11000({ email: 'a@example.com', member: null }), ['email', 'phone'], true],
    [
      'the driver’s E11000 on the phone index',
      e11000({ phone: '+8613800138000', email: null, member: null }, 'one_lead_per_phone'),
      ['email', 'phone'],
      true,
    ],
    ['the driver’s E11000 on another field', e11000({ referralCode: 'ABC' }, 'referralCode_1'), ['email', 'phone'], false],
    ['the driver’s E11000 with no field asked for', e11000({ counterKey: 'ip:1' }, 'counterKey_1'), undefined, true],
    ['an E11000 that names its key only in the message', e11000(undefined, 'counterKey_1'), ['counterKey'], true],
    ['Payload’s ValidationError made from an E11000, in English', payloadUnique('email'), ['email', 'phone'], true],
    ['Payload’s ValidationError made from an E11000, in Chinese', payloadUnique('phone', '值必须是唯一的'), ['email', 'phone'], true],
    [
      'Payload’s ValidationError for a malformed email',
      payloadUnique('email', 'Please enter a valid email address.'),
      ['email', 'phone'],
      false,
    ],
    ['Payload’s ValidationError on a field not asked for', payloadUnique('referralCode'), ['email', 'phone'], false],
    [
      'another server error',
      new MongoServerError({ ok: 0, code: 112, codeName: 'WriteConflict', errmsg: 'WriteConflict' }),
      undefined,
      false,
    ],
    ['a network failure', new Error('connect ECONNREFUSED 127.0.0.1:27017'), undefined, false],
    ['nothing', null, undefined, false],
    ['a string', 'E11000 duplicate key error', undefined, false],
  ] as const)('%s → %s', (_, error, fields, expected) => {
    expect(isDuplicateKeyError(error, fields)).toBe(expected)
  })
})

describe('isTransientTransactionError', () => {
  it.each([
    [
      'a write conflict labelled transient',
      new MongoServerError({
        ok: 0,
        code: 112,
        codeName: 'WriteConflict',
        errmsg: 'Write conflict',
        errorLabels: ['TransientTransactionError'],
      }),
      true,
    ],
    [
      'another error labelled transient',
      new MongoServerError({
        ok: 0,
        code: 251,
        codeName: 'NoSuchTransaction',
        errmsg: 'no such transaction',
        errorLabels: ['TransientTransactionError'],
      }),
      true,
    ],
    ['a write conflict without its label', { code: 112 }, true],
    ['a duplicate key', new MongoServerError({ ok: 0, code: 11000, codeName: 'DuplicateKey', errmsg: 'E11000' }), false],
    ['a plain error', new Error('boom'), false],
    ['nothing', undefined, false],
  ])('%s → %s', (_, error, expected) => {
    expect(isTransientTransactionError(error)).toBe(expected)
  })
})
