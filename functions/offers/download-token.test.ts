import { describe, expect, it } from 'vitest'

import { signToken } from '../content/signed-token'
import { checkDownloadToken, DOWNLOAD_TTL_MS, downloadUrl, signDownloadToken } from './download-token'

const SECRET = 'download-test-secret'
const ISSUED = Date.UTC(2026, 0, 1, 12)
const token = signDownloadToken({ media: 4, submission: 12, issuedAt: ISSUED }, SECRET)

describe('download tokens', () => {
  it('grant the document and submission they were signed for until seven days after the issue', () => {
    const grant = { media: '4', submission: '12', expiresAt: ISSUED + DOWNLOAD_TTL_MS }
    expect(checkDownloadToken(token, SECRET, ISSUED)).toEqual({ ok: true, grant })
    expect(checkDownloadToken(token, SECRET, ISSUED + DOWNLOAD_TTL_MS - 1)).toEqual({ ok: true, grant })
    expect(DOWNLOAD_TTL_MS).toBe(604_800_000)
  })

  it('are expired from the seventh day on', () => {
    expect(checkDownloadToken(token, SECRET, ISSUED + DOWNLOAD_TTL_MS)).toEqual({ ok: false, reason: 'expired' })
    expect(checkDownloadToken(token, SECRET, ISSUED + 30 * DOWNLOAD_TTL_MS)).toEqual({ ok: false, reason: 'expired' })
  })

  it('are the same for the same submission and issue time', () => {
    expect(signDownloadToken({ media: '4', submission: '12', issuedAt: ISSUED }, SECRET)).toBe(token)
  })

  const [body, signature] = token.split('.') as [string, string]
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>
  const reSigned = (changes: Record<string, unknown>) =>
    `${Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url')}.${signature}`
  const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`

  it.each([
    ['a longer life under the old signature', reSigned({ e: ISSUED + 100 * DOWNLOAD_TTL_MS })],
    ['another document under the old signature', reSigned({ m: '5' })],
    ['another submission under the old signature', reSigned({ s: '13' })],
    ['one changed character of the signature', `${body}.${flipped}`],
    ['no signature', body],
    ['an extra part', `${token}.x`],
    ['signed with another secret', signDownloadToken({ media: 4, submission: 12, issuedAt: ISSUED }, 'another-secret')],
    ['signed for another purpose', signToken({ m: '4', s: '12', e: ISSUED + DOWNLOAD_TTL_MS }, 'preview', SECRET)],
    ['a media id that is not an id', signToken({ m: '../x', s: '12', e: ISSUED + DOWNLOAD_TTL_MS }, 'download', SECRET)],
    ['an expiry that is not a number', signToken({ m: '4', s: '12', e: 'never' }, 'download', SECRET)],
    ['empty', ''],
    ['far too long', `${token}${'a'.repeat(600)}`],
  ])('refuse %s as invalid', (_, forged) => {
    expect(checkDownloadToken(forged, SECRET, ISSUED)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuse a forged token as invalid, not expired, even when its claimed expiry is past', () => {
    expect(checkDownloadToken(reSigned({ e: ISSUED - 1 }), SECRET, ISSUED)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('need a secret', () => {
    expect(() => signDownloadToken({ media: 4, submission: 12, issuedAt: ISSUED }, '')).toThrow('Download links need a server secret')
  })

  it('make a link on the site', () => {
    expect(downloadUrl('https://brand.example/', 'abc.def')).toBe('https://brand.example/download/abc.def')
  })
})
