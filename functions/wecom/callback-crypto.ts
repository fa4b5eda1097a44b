import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto'

/**
 * 企业微信's callback encryption ("加解密方案"), decryption side: every callback carries
 * `msg_signature` = SHA1 of the sorted [token, timestamp, nonce, encrypt] joined, and `encrypt` =
 * base64 of AES-256-CBC (key = base64 of EncodingAESKey + '=', IV = the key's first 16 bytes,
 * PKCS#7 padding to 32 bytes) over 16 random bytes, a 4-byte big-endian length, the message and the
 * receive id (the corp id).
 */
export interface CallbackSecrets {
  token: string
  /** 43 characters of base64 without its '=', as the admin console shows it. */
  encodingAesKey: string
  /** The corp id the messages must be addressed to. */
  corpId: string
}

/** Why a callback was refused; each is a 4xx at the endpoint (no detail goes back to the caller). */
export type CallbackRefusal = 'bad-signature' | 'bad-ciphertext' | 'wrong-receiver' | 'stale' | 'replay' | 'malformed'

export class CallbackError extends Error {
  override name = 'CallbackError'
  constructor(readonly reason: CallbackRefusal) {
    super(`The 企业微信 callback was refused: ${reason}.`)
  }
}

/**
 * The signature 企业微信 puts on a callback.
 * @example callbackSignature('token', '1409659813', '1372623149', 'RypE…') // 'a0f3…' (40 hex digits)
 */
export function callbackSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex')
}

/** The AES key and IV of an EncodingAESKey; throws when it is not 43 characters of base64 for 32 bytes. */
export function aesKeyOf(encodingAesKey: string): { key: Buffer; iv: Buffer } {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64')
  if (encodingAesKey.length !== 43 || key.length !== 32)
    throw new Error('WECOM_ENCODING_AES_KEY must be the 43 characters the 企业微信 admin console shows.')
  return { key, iv: key.subarray(0, 16) }
}

/** Checks `msg_signature` in constant time. */
export function verifySignature(
  secrets: CallbackSecrets,
  query: { signature: string; timestamp: string; nonce: string; encrypt: string },
): boolean {
  const expected = Buffer.from(callbackSignature(secrets.token, query.timestamp, query.nonce, query.encrypt), 'utf8')
  const given = Buffer.from(query.signature.toLowerCase(), 'utf8')
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * Decrypts `encrypt` and checks it is addressed to this corp; the message (XML, or the echo string of a URL check).
 * @example decryptMessage(secrets, encrypt) // '<xml>…</xml>'
 */
export function decryptMessage(secrets: CallbackSecrets, encrypt: string): string {
  const { key, iv } = aesKeyOf(secrets.encodingAesKey)
  let plain: Buffer
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, iv)
    // 企业微信 pads to 32 bytes, which Node's PKCS#7 (16-byte blocks) would refuse: the padding is removed by hand.
    decipher.setAutoPadding(false)
    plain = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()])
  } catch {
    throw new CallbackError('bad-ciphertext')
  }
  const pad = plain[plain.length - 1] ?? 0
  if (pad < 1 || pad > 32 || plain.length < 20 + pad || !plain.subarray(plain.length - pad).every((b) => b === pad))
    throw new CallbackError('bad-ciphertext')
  const content = plain.subarray(16, plain.length - pad)
  const length = content.readUInt32BE(0)
  if (length > content.length - 4) throw new CallbackError('bad-ciphertext')
  const message = content.subarray(4, 4 + length).toString('utf8')
  const receiver = content.subarray(4 + length).toString('utf8')
  if (receiver !== secrets.corpId) throw new CallbackError('wrong-receiver')
  return message
}
