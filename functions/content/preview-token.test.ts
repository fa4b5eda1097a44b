import { describe, expect, it } from 'vitest'

import { PREVIEW_TOKEN_TTL_MS, signPreviewToken, verifyPreviewToken } from './preview-token'

const grant = { userId: '7', path: '/blog/a-post', locale: 'en' }
const secret = 'test-secret'

describe('preview tokens', () => {
  it('round-trips a grant', () => {
    expect(verifyPreviewToken(signPreviewToken(grant, secret, 1000), secret, 2000)).toEqual(grant)
  })

  it('expires', () => {
    const token = signPreviewToken(grant, secret, 0)
    expect(verifyPreviewToken(token, secret, PREVIEW_TOKEN_TTL_MS)).toEqual(grant)
    expect(verifyPreviewToken(token, secret, PREVIEW_TOKEN_TTL_MS + 1)).toBeNull()
  })

  const token = signPreviewToken(grant, secret, 0)
  const [body, signature] = token.split('.') as [string, string]
  const forgedBody = Buffer.from(JSON.stringify({ ...grant, userId: '1', exp: 1e15 })).toString('base64url')
  it.each([
    ['another secret', signPreviewToken(grant, 'other', 0)],
    ['a changed body', `${forgedBody}.${signature}`],
    ['no signature', body],
    ['an empty string', ''],
    ['three parts', `${token}.x`],
    ['garbage', '%%%.###'],
    [
      'a signed non-JSON body',
      (() => {
        const raw = Buffer.from('not json').toString('base64url')
        const signed = signPreviewToken(grant, secret, 0).split('.')[1]
        return `${raw}.${signed}`
      })(),
    ],
  ])('refuses %s', (_, value) => {
    expect(verifyPreviewToken(value, secret, 1)).toBeNull()
  })
})
