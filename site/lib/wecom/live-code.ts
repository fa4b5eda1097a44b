// GET /wecom/live-code/<code>: the 企业微信 "联系我" QR code of a campaign link, for this visitor.
// Pages stay cacheable: they show <img src="/wecom/live-code/<code>">, and only this answer is
// per visitor (302 to the code's image, never cached). Set up by WECOM_CORP_ID and WECOM_CONTACT_SECRET.
import { randomUUID } from 'node:crypto'

import { liveCodeFor } from '../../../cms/wecom/live-code'
import { isVisitorId, readCookie, VISITOR_COOKIE } from '../../../functions/attribution/visitor'
import { createTokenCache, getToken, type TokenCache, WorkApiError, type WorkEndpoint } from '../../../functions/wecom'
import { signedIn } from '../account/session'
import { cms } from '../cms'
import { throttleStore } from '../stores'

const NO_STORE = { 'cache-control': 'private, no-store', 'content-type': 'text/plain; charset=utf-8' }

/** 企业微信's API from the environment: the corp id and the 客户联系 secret, never sent anywhere but gettoken. */
export function wecomApi(env: NodeJS.ProcessEnv = process.env): { corpId: string; secret: string; endpoint: WorkEndpoint } | null {
  const { WECOM_CORP_ID: corpId, WECOM_CONTACT_SECRET: secret } = env
  return corpId && secret
    ? { corpId, secret, endpoint: { base: env.WECOM_API_BASE_URL || 'https://qyapi.weixin.qq.com', fetch: (...args) => fetch(...args) } }
    : null
}

let cache: { corpId: string; secret: string; base: string; tokens: TokenCache } | null = null
const holder = randomUUID()

/** This process's view of the shared token row (key per corp), made again if the configuration changed. */
async function tokensFor(api: NonNullable<ReturnType<typeof wecomApi>>): Promise<TokenCache> {
  if (cache && cache.corpId === api.corpId && cache.secret === api.secret && cache.base === api.endpoint.base) return cache.tokens
  const tokens = createTokenCache({
    store: await throttleStore(),
    key: `secret:wecom-token:${api.corpId}`,
    fetchToken: () => getToken(api.endpoint, api),
    now: Date.now,
    pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    holder,
  })
  cache = { corpId: api.corpId, secret: api.secret, base: api.endpoint.base, tokens }
  return tokens
}

/** The lead this browser is known as: the signed-in member's, else the latest the visitor id's touches were linked to. */
async function leadOf(cookie: string | null): Promise<string | number | null> {
  const signed = await signedIn(cookie)
  if (signed?.member.lead) return signed.member.lead
  const visitor = readCookie(cookie, VISITOR_COOKIE)
  if (!isVisitorId(visitor)) return null
  const touch = (
    await (
      await cms()
    ).find({
      collection: 'touches',
      where: { and: [{ visitor: { equals: visitor } }, { lead: { exists: true } }] },
      sort: '-at',
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  const lead = touch?.lead
  return lead === null || lead === undefined ? null : typeof lead === 'object' ? lead.id : lead
}

export async function handleLiveCode(request: Request, code: string): Promise<Response> {
  const api = wecomApi()
  if (!api || !/^[a-z0-9-]{2,32}$/.test(code)) return new Response('Not found', { status: 404, headers: NO_STORE })
  try {
    const found = await liveCodeFor(
      await cms(),
      { code, lead: await leadOf(request.headers.get('cookie')) },
      { endpoint: api.endpoint, tokens: await tokensFor(api) },
    )
    if (!found) return new Response('Not found', { status: 404, headers: NO_STORE })
    return new Response(null, { status: 302, headers: { ...NO_STORE, location: found.qrCode } })
  } catch (error) {
    if (!(error instanceof WorkApiError)) throw error
    console.warn(`企业微信 live code not made: errcode ${error.errcode}`)
    return new Response('The WeChat code is not available right now.', { status: 503, headers: { ...NO_STORE, 'retry-after': '60' } })
  }
}
