import { createCipheriv, createHash, randomBytes } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { createMemoryThrottleStore } from '../members/throttle'
import { openCallback } from './callback'
import { CallbackError, type CallbackSecrets, decryptMessage } from './callback-crypto'
import { readContactEvent } from './callback-event'

// The key from 企业微信's documentation example; the encrypt side below is written from the published algorithm,
// not from the module under test.
const secrets: CallbackSecrets = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
}

/** 企业微信's encryption: 16 random bytes, the length (4 bytes, big-endian), the message, the receive id; PKCS#7 to 32; AES-256-CBC. */
function encrypt(message: string, receiveId = secrets.corpId, aesKey = secrets.encodingAesKey): string {
  const key = Buffer.from(`${aesKey}=`, 'base64')
  const body = Buffer.from(message, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(receiveId, 'utf8')])
  const pad = 32 - (plain.length % 32)
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64')
}
const sign = (token: string, ...parts: string[]) =>
  createHash('sha1')
    .update([token, ...parts].sort().join(''))
    .digest('hex')

const NOW = new Date('2026-12-01T04:00:00Z')
const TS = String(NOW.getTime() / 1000)

function signed(
  method: 'GET' | 'POST',
  message: string,
  options: { timestamp?: string; nonce?: string; token?: string; receiveId?: string } = {},
) {
  const timestamp = options.timestamp ?? TS
  const nonce = options.nonce ?? 'nonce-1'
  const ciphertext = encrypt(message, options.receiveId)
  const query = new URLSearchParams({ msg_signature: sign(options.token ?? secrets.token, timestamp, nonce, ciphertext), timestamp, nonce })
  if (method === 'GET') {
    query.set('echostr', ciphertext)
    return { method, query }
  }
  return {
    method,
    query,
    body:
      `<xml><ToUserName><![CDATA[${secrets.corpId}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt>` +
      `<![CDATA[${ciphertext}]]></Encrypt></xml>`,
  }
}

const ADD =
  `<xml><ToUserName><![CDATA[${secrets.corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>` +
  `${TS}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType>` +
  `<![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID>` +
  `<![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA]]></ExternalUserID><State><![CDATA[spring.l42]]></State><WelcomeCode>` +
  `<![CDATA[WELCOMECODE]]></WelcomeCode></xml>`

const open = (request: Parameters<typeof openCallback>[0], store = createMemoryThrottleStore({ now: () => NOW }), now = NOW) =>
  openCallback(request, { secrets, store, now })
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof CallbackError ? error.reason : String(error)),
  )

describe('openCallback', () => {
  it('answers the URL check with the decrypted echostr', async () => {
    expect(await open(signed('GET', '1616140317555161061'))).toBe('1616140317555161061')
  })

  it('decrypts an add_external_contact event and reads who added whom through which state', async () => {
    const xml = await open(signed('POST', ADD))
    expect(readContactEvent(xml)).toEqual({
      event: 'change_external_contact',
      changeType: 'add_external_contact',
      userId: 'zhangsan',
      externalUserId: 'woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA',
      state: 'spring.l42',
      createTime: Number(TS),
    })
  })

  it('decrypts messages of every length (the padding runs 1 to 32 bytes)', () => {
    for (let n = 0; n < 70; n++) expect(decryptMessage(secrets, encrypt('x'.repeat(n)))).toBe('x'.repeat(n))
    expect(decryptMessage(secrets, encrypt('欢迎添加企业微信'))).toBe('欢迎添加企业微信')
  })

  it.each([
    ['a signature made with another token', () => signed('POST', ADD, { token: 'other' }), 'bad-signature'],
    ['a message for another corp', () => signed('POST', ADD, { receiveId: 'wwanothercorp' }), 'wrong-receiver'],
    ['a timestamp six minutes old', () => signed('POST', ADD, { timestamp: String(Number(TS) - 360) }), 'stale'],
    ['a timestamp six minutes ahead', () => signed('POST', ADD, { timestamp: String(Number(TS) + 360) }), 'stale'],
    [
      'no signature',
      () => ({ method: 'POST' as const, query: new URLSearchParams({ timestamp: TS, nonce: 'n' }), body: '<xml/>' }),
      'malformed',
    ],
    ['no Encrypt element', () => ({ ...signed('POST', ADD), body: '<xml><ToUserName>x</ToUserName></xml>' }), 'malformed'],
  ])('refuses %s', async (_, request, reason) => {
    expect(await refusal(open(request()))).toBe(reason)
  })

  it('refuses a changed ciphertext under the old signature (bad signature), and garbage under a valid one (bad ciphertext)', async () => {
    const request = signed('POST', ADD)
    const tampered = request.body!.replace(
      /<Encrypt><!\[CDATA\[(.)/,
      (_, first: string) => `<Encrypt><![CDATA[${first === 'A' ? 'B' : 'A'}`,
    )
    expect(tampered).not.toBe(request.body)
    expect(await refusal(open({ ...request, body: tampered }))).toBe('bad-signature')
    const junk = Buffer.alloc(48, 7).toString('base64')
    const query = new URLSearchParams({ msg_signature: sign(secrets.token, TS, 'n2', junk), timestamp: TS, nonce: 'n2', echostr: junk })
    expect(await refusal(open({ method: 'GET', query }))).toBe('bad-ciphertext')
  })

  it('refuses the same signed message a second time within the window', async () => {
    const store = createMemoryThrottleStore({ now: () => NOW })
    const request = signed('POST', ADD)
    expect(await refusal(open(request, store))).toBe('accepted')
    expect(await refusal(open(request, store))).toBe('replay')
    expect(await refusal(open(signed('POST', ADD, { nonce: 'nonce-2' }), store))).toBe('accepted')
  })
})
