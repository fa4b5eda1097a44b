// The 企业微信 callback URL: the URL check (GET) and events (POST), checked and decrypted by
// functions/wecom, recorded by cms/wecom. Configured by WECOM_TOKEN, WECOM_ENCODING_AES_KEY and WECOM_CORP_ID.
import { recordWechatAdd } from '../../../cms/wecom/record-add'
import { readWithin } from '../../../functions/http/body-limit'
import { CallbackError, type CallbackSecrets, openCallback, readContactEvent } from '../../../functions/wecom'
import { cms } from '../cms'
import { throttleStore } from '../stores'

const TEXT = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store, private' }
/** 企业微信's callbacks are short XML; anything bigger is not one. */
const MAX_BODY = 64 * 1024

/** The callback's secrets from the environment, or null when 企业微信 is not set up (the URL then answers 404). */
export function wecomSecrets(env: NodeJS.ProcessEnv = process.env): CallbackSecrets | null {
  const { WECOM_TOKEN: token, WECOM_ENCODING_AES_KEY: encodingAesKey, WECOM_CORP_ID: corpId } = env
  return token && encodingAesKey && corpId ? { token, encodingAesKey, corpId } : null
}

/** Answers one callback request: 200 with the echo or an empty body, 403 for a refused one (no detail), 404 when not configured. */
export async function handleWecomCallback(request: Request, now = new Date()): Promise<Response> {
  const secrets = wecomSecrets()
  if (!secrets) return new Response('Not found', { status: 404, headers: TEXT })
  if (request.method !== 'GET' && request.method !== 'POST')
    return new Response('Method not allowed', { status: 405, headers: { ...TEXT, allow: 'GET, POST' } })
  const url = new URL(request.url)
  let body: string | undefined
  if (request.method === 'POST') {
    if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY) return new Response('Too large', { status: 413, headers: TEXT })
    // Read within the limit while streaming: a chunked body declares no length to check first.
    const read = await readWithin(request.body, MAX_BODY)
    if ('refused' in read)
      return read.refused === 'too-large'
        ? new Response('Too large', { status: 413, headers: TEXT })
        : new Response('Bad request', { status: 400, headers: TEXT })
    body = new TextDecoder().decode(read.bytes)
  }
  let message: string
  try {
    message = await openCallback({ method: request.method, query: url.searchParams, body }, { secrets, store: await throttleStore(), now })
  } catch (error) {
    if (!(error instanceof CallbackError)) throw error
    console.warn(`企业微信 callback refused: ${error.reason}`)
    return new Response(error.reason === 'malformed' ? 'Bad request' : 'Forbidden', {
      status: error.reason === 'malformed' ? 400 : 403,
      headers: TEXT,
    })
  }
  if (request.method === 'GET') return new Response(message, { status: 200, headers: TEXT })
  const event = readContactEvent(message)
  if (event) await recordWechatAdd(await cms(), event, now)
  // 企业微信 wants a 200 within five seconds; an empty body means "received".
  return new Response('', { status: 200, headers: TEXT })
}
