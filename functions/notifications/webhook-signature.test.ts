import { describe, expect, it } from 'vitest'

import { signWebhook, verifyWebhook } from './webhook-signature'

// Expected values computed with: printf '%s' '<timestamp>.<body>' | openssl dgst -sha256 -hmac '<secret>'
const secret = 'whsec_0123456789abcdef'
const body = '{"event":"submission.created","id":"submission-1"}'
const signature = 'sha256=8df34c2b03146ad3fda07bf688f97ccb8db4ce445165926585838caef6062cd4'

describe('signWebhook', () => {
  it.each<[number | string, string, string]>([
    [1700000000, body, signature],
    ['1700000000', body, signature],
    [1700000000, '', 'sha256=0e1fd9afd303fb6f213cc511093ec9783e6286d777cfee89f917aebd54d9a963'],
    [1700000000, '{"name":"李雷"}', 'sha256=08afa6fcd32194d6075f4ac8b5dd24d78ba847250aa11dae83da4403e6bd6490'],
  ])('signs %s.%s as %s', (timestamp, text, expected) => expect(signWebhook(secret, timestamp, text)).toBe(expected))
})

describe('verifyWebhook', () => {
  const now = 1700000000
  it.each<
    [
      string,
      Partial<{
        secret: string
        header: string | null | undefined
        timestamp: string | number | null | undefined
        body: string
        now: number
        tolerance: number
      }>,
      boolean,
    ]
  >([
    ['the genuine delivery', {}, true],
    ['a numeric timestamp', { timestamp: 1700000000 }, true],
    ['a delivery 300 s old', { now: now + 300 }, true],
    ['a delivery 301 s old', { now: now + 301 }, false],
    ['a delivery 301 s in the future', { now: now - 301 }, false],
    ['a wider tolerance', { now: now + 3600, tolerance: 3600 }, true],
    ['another secret', { secret: 'whsec_another-secret-entirely' }, false],
    ['a changed body', { body: body.replace('1', '2') }, false],
    ['a body with a trailing space', { body: `${body} ` }, false],
    ['another timestamp inside the tolerance', { timestamp: '1700000001' }, false],
    ['a timestamp with a leading zero', { timestamp: '01700000000' }, false],
    ['a non-numeric timestamp', { timestamp: '1700000000.5' }, false],
    ['no timestamp', { timestamp: undefined }, false],
    ['no header', { header: undefined }, false],
    ['an empty header', { header: '' }, false],
    ['the hex without its prefix', { header: signature.slice(7) }, false],
    ['another algorithm', { header: signature.replace('sha256=', 'sha1=') }, false],
    ['upper-case hex', { header: signature.toUpperCase().replace('SHA256=', 'sha256=') }, false],
    ['a truncated signature', { header: signature.slice(0, -2) }, false],
    ['one changed digit', { header: `${signature.slice(0, -1)}5` }, false],
  ])('%s → %s', (_, change, expected) => {
    const c = { secret, header: signature, timestamp: '1700000000', body, now, tolerance: 300, ...change }
    expect(verifyWebhook(c.secret, c.header, c.timestamp, c.body, c.now, c.tolerance)).toBe(expected)
  })
})
