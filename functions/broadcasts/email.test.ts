import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { personalise, renderBroadcastEmail, rewriteLinks } from './email'
import { readLeaveToken, readLinkToken } from './tokens'
import { verifySvix } from './webhook-signature'

const SECRET = 'test-secret'
const recipient = { key: 'm:7', email: 'ann@x.example', name: 'Ann <b>', locale: 'en', memberId: '7', leadId: null }
const content = {
  id: '3',
  subject: 'Hi {name|friend}',
  preheader: 'Inside',
  bodyHtml: '<p>Dear {name}, see <a href="/pricing">pricing</a> and <a href="mailto:a@b.c">mail</a>.</p>',
  post: null,
  topic: 'newsletter',
}
const options = { siteUrl: 'https://brand.example', unsubscribeMailbox: 'unsubscribe@brand.example', secret: SECRET, locale: 'en' }

describe('renderBroadcastEmail', () => {
  const email = renderBroadcastEmail(content, recipient, { brandName: 'Brand', postalAddress: '1 Road\nShanghai' }, options)

  it('carries a mailto and a one-click https unsubscribe, the same link in the body, and the postal address', () => {
    const [mailto, https] = [...email.headers['List-Unsubscribe']!.matchAll(/<([^>]+)>/g)].map((m) => m[1]!)
    expect(mailto).toMatch(/^mailto:unsubscribe@brand\.example\?subject=unsubscribe%20/)
    expect(https).toMatch(/^https:\/\/brand\.example\/unsubscribe\?token=/)
    expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(readLeaveToken(new URL(https!).searchParams.get('token'), SECRET)).toEqual({
      broadcast: '3',
      recipient: 'm:7',
      topic: 'newsletter',
    })
    expect(email.html).toContain(`href="${https!.replace(/&/g, '&amp;')}"`)
    expect(email.html).toContain('1 Road<br>Shanghai')
    expect(email.text).toContain(`Unsubscribe: ${https}`)
  })

  it('personalises with the name escaped, and tracks http links only', () => {
    expect(email.subject).toBe('Hi Ann <b>')
    expect(email.html).toContain('Dear Ann &lt;b&gt;')
    const tracked = email.html.match(/href="https:\/\/brand\.example\/l\/([^"]+)"/)![1]!
    expect(readLinkToken(tracked, SECRET)).toEqual({ broadcast: '3', recipient: 'm:7', url: 'https://brand.example/pricing' })
    expect(email.html).toContain('href="mailto:a@b.c"')
  })

  it.each([
    ['Hi {name}', null, 'en', 'Hi there'],
    ['Hi {name}', '  ', 'zh-CN', 'Hi 朋友'],
    ['Hi {name|reader}', null, 'en', 'Hi reader'],
    ['Hi {name|reader}', 'Bo', 'en', 'Hi Bo'],
  ])('personalise(%j, %j, %s) is %j', (template, name, locale, expected) => {
    expect(personalise(template, name, locale)).toBe(expected)
  })

  it('refuses a link token that was changed', () => {
    const token = rewriteLinks('<a href="https://x.example/">x</a>', 'https://brand.example', (url) => `${url}`)
    expect(token).toBe('<a href="https://x.example/">x</a>')
    expect(readLinkToken('eyJiIjoiMyJ9.forged', SECRET)).toBeNull()
  })
})

describe('verifySvix', () => {
  const secret = `whsec_${Buffer.from('key').toString('base64')}`
  const sign = (id: string, ts: string, body: string) =>
    `v1,${createHmac('sha256', Buffer.from('key')).update(`${id}.${ts}.${body}`).digest('base64')}`
  const now = 1_800_000_000
  it.each([
    [{ id: 'msg_1', timestamp: String(now), signature: sign('msg_1', String(now), '{}') }, '{}', { ok: true }],
    [{ id: 'msg_1', timestamp: String(now), signature: `v1,bad ${sign('msg_1', String(now), '{}')}` }, '{}', { ok: true }],
    [{ id: 'msg_1', timestamp: String(now), signature: sign('msg_1', String(now), '{}') }, '{ }', { ok: false, reason: 'bad-signature' }],
    [
      { id: 'msg_1', timestamp: String(now - 301), signature: sign('msg_1', String(now - 301), '{}') },
      '{}',
      { ok: false, reason: 'stale' },
    ],
    [{ id: null, timestamp: String(now), signature: 'v1,x' }, '{}', { ok: false, reason: 'unsigned' }],
    [{ id: 'msg_1', timestamp: 'soon', signature: 'v1,x' }, '{}', { ok: false, reason: 'stale' }],
  ])('%j with body %s: %j', (headers, body, verdict) => {
    expect(verifySvix(secret, headers, body, now)).toEqual(verdict)
  })
})
