import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import {
  type ConsentEntry,
  currentConsents,
  isSubscribed,
  listUnsubscribeHeaders,
  planConsentChanges,
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from './consent-log'

const now = new Date('2026-03-03T10:00:00.000Z')
const log: ConsentEntry[] = [
  { topic: 'newsletter', subscribed: true, at: '2026-01-01T00:00:00.000Z', source: 'sign-up' },
  { topic: 'events', subscribed: true, at: '2026-01-02T00:00:00.000Z', source: 'account-page' },
  { topic: 'newsletter', subscribed: false, at: '2026-02-01T00:00:00.000Z', source: 'email-link' },
  // Written out of order: time decides, not position.
  { topic: 'events', subscribed: false, at: '2026-01-01T12:00:00.000Z', source: 'admin' },
]

describe('currentConsents', () => {
  it('takes the latest entry of each topic', () => {
    expect(Object.fromEntries(currentConsents(log))).toEqual({
      newsletter: { subscribed: false, at: '2026-02-01T00:00:00.000Z', source: 'email-link' },
      events: { subscribed: true, at: '2026-01-02T00:00:00.000Z', source: 'account-page' },
    })
  })

  it('lets the later entry win a tie', () => {
    const at = '2026-01-01T00:00:00.000Z'
    expect(
      isSubscribed(
        [
          { topic: 'events', subscribed: true, at, source: 'admin' },
          { topic: 'events', subscribed: false, at, source: 'account-page' },
        ],
        'events',
      ),
    ).toBe(false)
  })

  it('assumes no consent without an entry', () => {
    expect(isSubscribed([], 'newsletter')).toBe(false)
    expect(isSubscribed(log, 'offers')).toBe(false)
    expect(isSubscribed(log, 'events')).toBe(true)
  })

  it('skips entries it cannot read', () => {
    const broken = [
      null,
      'x',
      { topic: 'newsletter', subscribed: 'yes', at: now.toISOString(), source: 'admin' },
      { topic: 'newsletter', subscribed: true, at: 'yesterday', source: 'admin' },
      { topic: 'newsletter', subscribed: true, at: now.toISOString(), source: 'robot' },
    ]
    // Deliberately malformed entries, as a corrupted log could hold.
    expect(currentConsents(broken as unknown as ConsentEntry[]).size).toBe(0)
  })

  it('keeps __proto__ as an ordinary topic', () => {
    const states = currentConsents([{ topic: '__proto__', subscribed: true, at: now.toISOString(), source: 'admin' }])
    expect(states.get('__proto__')?.subscribed).toBe(true)
    expect(({} as Record<string, unknown>).subscribed).toBeUndefined()
  })
})

describe('planConsentChanges', () => {
  const options = { source: 'account-page' as const, topics: ['events', 'offers'], now }

  it('logs only what changes', () => {
    expect(planConsentChanges(log, { newsletter: true, events: true, offers: false }, options)).toEqual({
      ok: true,
      entries: [{ topic: 'newsletter', subscribed: true, at: '2026-03-03T10:00:00.000Z', source: 'account-page' }],
    })
    expect(planConsentChanges(log, { newsletter: false, events: false }, { ...options, source: 'email-link' })).toEqual({
      ok: true,
      entries: [{ topic: 'events', subscribed: false, at: '2026-03-03T10:00:00.000Z', source: 'email-link' }],
    })
    expect(planConsentChanges(log, {}, options)).toEqual({ ok: true, entries: [] })
  })

  it.each<[string, unknown, object, string]>([
    ['a topic no editor defined', { sweepstakes: true }, {}, 'unknown-topic'],
    ['an upper-case topic', { Events: true }, {}, 'unknown-topic'],
    ['a __proto__ topic', JSON.parse('{"__proto__": true}'), {}, 'unknown-topic'],
    ['a 10 KB topic', { ['e'.repeat(10_240)]: true }, { topics: ['e'.repeat(10_240)] }, 'unknown-topic'],
    ['a string for a boolean', { newsletter: 'on' }, {}, 'invalid'],
    ['null for a boolean', { newsletter: null }, {}, 'invalid'],
    ['a list', [true], {}, 'invalid'],
    ['null', null, {}, 'invalid'],
    ['an unknown source', { newsletter: true }, { source: 'api' }, 'invalid'],
  ])('refuses %s', (_, wanted, extra, reason) => {
    expect(planConsentChanges(log, wanted as Record<string, unknown>, { ...options, ...extra } as typeof options)).toEqual({
      ok: false,
      reason,
    })
  })
})

describe('unsubscribe tokens', () => {
  const secret = 'test-secret'
  const token = signUnsubscribeToken({ memberId: '7', topic: 'newsletter' }, secret)

  it('round-trips without signing in, and is URL-safe', () => {
    expect(verifyUnsubscribeToken(token, secret)).toEqual({ memberId: '7', topic: 'newsletter' })
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
  })

  const [body, signature] = token.split('.') as [string, string]
  const forge = (grant: object) => Buffer.from(JSON.stringify(grant)).toString('base64url')
  const signedWith = (payload: string) => `${payload}.${createHmac('sha256', `unsubscribe:${secret}`).update(payload).digest('base64url')}`
  it.each<[string, unknown]>([
    ['another member in the body', `${forge({ m: '8', t: 'newsletter' })}.${signature}`],
    ['another topic in the body', `${forge({ m: '7', t: 'events' })}.${signature}`],
    ['another secret', signUnsubscribeToken({ memberId: '7', topic: 'newsletter' }, 'other')],
    ['a flipped signature character', `${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`],
    ['a truncated signature', `${body}.${signature.slice(0, 20)}`],
    ['no signature', body],
    ['three parts', `${token}.x`],
    ['an empty string', ''],
    ['a number', 7],
    ['null', null],
    ['a 10 KB token', `${body}${'A'.repeat(10_240)}.${signature}`],
    ['a signed body that is not JSON', signedWith(Buffer.from('not json').toString('base64url'))],
    ['a signed body without a member', signedWith(forge({ t: 'newsletter' }))],
    ['a signed body with a numeric member', signedWith(forge({ m: 7, t: 'newsletter' }))],
    ['a signed body with a bad topic', signedWith(forge({ m: '7', t: '../admin' }))],
  ])('refuses %s', (_, value) => {
    expect(verifyUnsubscribeToken(value, secret)).toBeNull()
  })

  it('needs a secret', () => {
    expect(() => signUnsubscribeToken({ memberId: '7', topic: 'newsletter' }, '')).toThrow(
      'An unsubscribe token needs a server secret; pass PAYLOAD_SECRET or a secret of its own.',
    )
  })

  it('makes RFC 8058 headers', () => {
    expect(listUnsubscribeHeaders('https://brand.example/account/unsubscribe?token=abc')).toEqual({
      'List-Unsubscribe': '<https://brand.example/account/unsubscribe?token=abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
  })
})
