import type { ThrottleStore } from '../members/throttle'
import { CallbackError, type CallbackSecrets, decryptMessage, verifySignature } from './callback-crypto'
import { xmlField } from './callback-event'

/** A callback older or newer than this is refused, and a signature is remembered this long to refuse its replay. */
export const CALLBACK_WINDOW_MS = 5 * 60_000

export interface CallbackRequest {
  method: 'GET' | 'POST'
  /** msg_signature, timestamp, nonce and (for the URL check) echostr, as the query string has them. */
  query: URLSearchParams
  /** The XML body of a POST. */
  body?: string
}

/**
 * Checks and opens one 企业微信 callback: the URL check (GET, answers the decrypted echostr) or an
 * event (POST, answers the decrypted XML). Refused (CallbackError) when the signature is wrong, the
 * timestamp is more than five minutes away, the same signed message came before, or the ciphertext
 * is not for this corp. The seen-signature memory is a ThrottleStore, so every process shares it.
 * @example const message = await openCallback({ method: 'POST', query, body }, { secrets, store, now: new Date() })
 */
export async function openCallback(
  request: CallbackRequest,
  { secrets, store, now }: { secrets: CallbackSecrets; store: ThrottleStore; now: Date },
): Promise<string> {
  const signature = request.query.get('msg_signature') ?? ''
  const timestamp = request.query.get('timestamp') ?? ''
  const nonce = request.query.get('nonce') ?? ''
  const encrypt = request.method === 'GET' ? (request.query.get('echostr') ?? '') : (xmlField(request.body ?? '', 'Encrypt') ?? '')
  if (
    !/^[0-9a-fA-F]{40}$/.test(signature) ||
    !/^[0-9]{1,12}$/.test(timestamp) ||
    !nonce ||
    nonce.length > 64 ||
    !encrypt ||
    encrypt.length > 100_000
  )
    throw new CallbackError('malformed')
  if (!verifySignature(secrets, { signature, timestamp, nonce, encrypt })) throw new CallbackError('bad-signature')
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > CALLBACK_WINDOW_MS) throw new CallbackError('stale')
  let replay = false
  await store.update(
    `wecom-callback:${signature.toLowerCase()}`,
    (seen) => {
      replay = seen !== null && seen !== undefined
      return seen ?? { at: now.getTime() }
    },
    CALLBACK_WINDOW_MS * 2,
  )
  if (replay) throw new CallbackError('replay')
  return decryptMessage(secrets, encrypt)
}
