import { createCipheriv, createHash, randomBytes } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from './payload'

let payload: Payload
let cleanup: () => Promise<void>
let handle: typeof import('../../site/lib/wecom/callback').handleWecomCallback

const secrets = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wwcorp0001' }

beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
  Object.assign(process.env, { WECOM_TOKEN: secrets.token, WECOM_ENCODING_AES_KEY: secrets.encodingAesKey, WECOM_CORP_ID: secrets.corpId })
  ;({ handleWecomCallback: handle } = await import('../../site/lib/wecom/callback'))
})
afterAll(async () => cleanup?.())

/**
 * 企业微信's side, from the published algorithm: encrypt (random 16, length, message, corp id; PKCS#7 to 32;
 * AES-256-CBC) and sign (SHA1 of the sorted four).
 */
function callback(
  method: 'GET' | 'POST',
  message: string,
  { nonce = randomBytes(6).toString('hex'), timestamp = String(Math.floor(Date.now() / 1000)), token = secrets.token } = {},
) {
  const key = Buffer.from(`${secrets.encodingAesKey}=`, 'base64')
  const body = Buffer.from(message)
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(secrets.corpId)])
  const pad = 32 - (plain.length % 32)
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
  const encrypt = Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64')
  const signature = createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex')
  const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce })
  if (method === 'GET') query.set('echostr', encrypt)
  const url = `http://localhost:4321/wecom/callback?${query}`
  return method === 'GET'
    ? new Request(url)
    : new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body:
          `<xml><ToUserName><![CDATA[${secrets.corpId}]]></ToUserName><AgentID><![CDATA[]]></AgentID><Encrypt><![CDATA[${encrypt}]]>` +
          `</Encrypt></xml>`,
      })
}

const addEvent = (userId: string, externalUserId: string, state: string) =>
  `<xml><ToUserName><![CDATA[${secrets.corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>` +
  `${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]>` +
  `</Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[${userId}]]></UserID><ExternalUserID>` +
  `<![CDATA[${externalUserId}]]></ExternalUserID><State><![CDATA[${state}]]></State><WelcomeCode><![CDATA[CODE]]></WelcomeCode>` +
  `</xml>`

describe('the 企业微信 callback URL', () => {
  it('answers the URL check with the decrypted echostr', async () => {
    const res = await handle(callback('GET', '5927782489442352469'))
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('5927782489442352469')
    expect(res.headers.get('cache-control')).toBe('no-store, private')
  })

  it('records an add through a live code as an "added on WeChat" touch on the lead, credited to the staff member, once', async () => {
    await payload.create({
      collection: 'campaign-links',
      data: {
        code: 'spring',
        title: 'Spring tasting',
        status: 'active',
        target: { kind: 'url', url: 'https://example.com/', allowOffsite: true },
        utm: { campaign: 'spring-2027' },
      },
    })
    const lead = await payload.create({ collection: 'leads', data: { email: 'wang@example.com', status: 'new' } })
    const res = await handle(callback('POST', addEvent('zhangsan', 'wmEXTERNAL0001', `spring.l${lead.id}`)))
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
    const adds = (await payload.find({ collection: 'wechat-adds', depth: 0 })).docs
    expect(adds).toEqual([
      expect.objectContaining({
        staffUserId: 'zhangsan',
        externalUserId: 'wmEXTERNAL0001',
        state: `spring.l${lead.id}`,
        campaignLink: 'spring',
        lead: lead.id,
      }),
    ])
    const touch = await payload.findByID({ collection: 'touches', id: adds[0]!.touch as number, depth: 0 })
    expect(touch).toMatchObject({
      channel: 'wechat',
      source: 'wecom',
      medium: 'added-on-wechat',
      campaign: 'spring-2027',
      campaignLink: 'spring',
      lead: lead.id,
    })

    // 企业微信 delivers again (a new nonce, same add): counted once.
    expect((await handle(callback('POST', addEvent('zhangsan', 'wmEXTERNAL0001', `spring.l${lead.id}`)))).status).toBe(200)
    expect((await payload.find({ collection: 'wechat-adds', depth: 0 })).totalDocs).toBe(1)
    expect((await payload.find({ collection: 'touches', where: { medium: { equals: 'added-on-wechat' } }, depth: 0 })).totalDocs).toBe(1)
  })

  it('records an add with an unknown state without a lead, and a state naming no lead writes on none', async () => {
    expect((await handle(callback('POST', addEvent('lisi', 'wmEXTERNAL0002', 'handmade-code')))).status).toBe(200)
    expect((await handle(callback('POST', addEvent('lisi', 'wmEXTERNAL0003', 'spring.l999999')))).status).toBe(200)
    const adds = (
      await payload.find({ collection: 'wechat-adds', where: { staffUserId: { equals: 'lisi' } }, sort: 'externalUserId', depth: 0 })
    ).docs
    expect(adds.map((a) => [a.campaignLink ?? null, a.lead ?? null])).toEqual([
      [null, null],
      ['spring', null],
    ])
  })

  it.each([
    ['a bad signature', () => callback('POST', addEvent('wangwu', 'wmBAD1', 'spring'), { token: 'not-the-token' }), 403],
    [
      'a timestamp ten minutes old',
      () => callback('POST', addEvent('wangwu', 'wmBAD2', 'spring'), { timestamp: String(Math.floor(Date.now() / 1000) - 600) }),
      403,
    ],
    [
      'no signature at all',
      () => new Request('http://localhost:4321/wecom/callback?timestamp=1&nonce=2', { method: 'POST', body: '<xml/>' }),
      400,
    ],
  ])('refuses %s and records nothing', async (_, request, status) => {
    const res = await handle(request())
    expect(res.status).toBe(status)
    expect((await payload.find({ collection: 'wechat-adds', where: { staffUserId: { equals: 'wangwu' } }, depth: 0 })).totalDocs).toBe(0)
  })

  it('refuses a replay of the same signed message', async () => {
    const request = callback('POST', addEvent('zhaoliu', 'wmREPLAY', 'spring'))
    const copy = request.clone()
    expect((await handle(request)).status).toBe(200)
    expect((await handle(copy)).status).toBe(403)
  })

  it('answers 404 when 企业微信 is not configured', async () => {
    const token = process.env.WECOM_TOKEN
    delete process.env.WECOM_TOKEN
    try {
      expect((await handle(callback('GET', 'x'))).status).toBe(404)
    } finally {
      process.env.WECOM_TOKEN = token
    }
  })
})
