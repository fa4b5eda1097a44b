// "Sign in with WeChat": GET /account/wechat sends the visitor to WeChat (inside WeChat's browser
// the official account's web authorisation, elsewhere the open platform's QR login) with a state
// bound to this browser; GET /account/wechat/callback comes back with a code, swapped on the server
// for the openid, and signs in (or joins WeChat to the account signed in when it started).
import { payloadSecret, siteUrl } from '../../../cms/environment'
import { readCookie } from '../../../functions/http/cookies'
import {
  authorizeUrl,
  createLoginState,
  exchangeCode,
  isWechatBrowser,
  LOGIN_STATE_TTL_MS,
  type LoginIntent,
  LoginStateError,
  openLoginState,
  readUserInfo,
  REJECTED_CODE_ERRORS,
  type SnsUserInfo,
  WechatApiError,
  type WechatApp,
} from '../../../functions/wechat'
import { membersStore, throttleStore } from '../stores'
import { type Action, type ActionContext, type Outcome, refuse } from './outcome'
import { nextPath } from './phone-actions'
import { text } from './request'
import { startSession } from './session'
import { wechatConfig } from './wechat-config'
import { joinWechat, memberForWechat, ownerOf, type WechatIdentity } from './wechat-member'

/** The cookie that binds a sign-in's state to this browser; SameSite=Lax, so WeChat's redirect back (a top-level GET) carries it. */
export const WECHAT_STATE_COOKIE = 'bs_wechat_state'

const secure = siteUrl.startsWith('https:')
const stateCookie = (value: string) =>
  `${WECHAT_STATE_COOKIE}=${value}; Path=/; Max-Age=${LOGIN_STATE_TTL_MS / 1000}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
const clearedStateCookie = () => `${WECHAT_STATE_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`

/**
 * GET /account/wechat?next=…&profile=1: to WeChat. `profile=1` means the visitor agreed to share
 * their name and avatar (snsapi_userinfo); without it the authorisation is silent (snsapi_base).
 * A silent authorisation of someone new goes on to snsapi_userinfo (see finishWechatSignIn).
 */
export const startWechatSignIn: Action = async (ctx) => {
  const { mp, web } = wechatConfig()
  const inWechat = isWechatBrowser(ctx.request.headers.get('user-agent'))
  const app = inWechat ? mp : web
  if (!app) return refuse('wechat-unavailable', ctx.locale)
  const profile = text(ctx.fields, 'profile') === '1'
  const intent: LoginIntent = {
    app: inWechat ? 'mp' : 'web',
    scope: inWechat ? (profile ? 'snsapi_userinfo' : 'snsapi_base') : 'snsapi_login',
    member: ctx.signed ? String(ctx.signed.member.id) : null,
    profile,
    next: nextPath(ctx),
    locale: ctx.locale,
  }
  return toWechat(ctx, intent, app)
}

/**
 * Sends the visitor to WeChat's authorisation with a new state and its cookie; WeChat sends them back to the callback,
 * an address built from SITE_URL, never from the request.
 */
function toWechat(ctx: Pick<ActionContext, 'href'>, intent: LoginIntent, app: WechatApp): Outcome {
  const { state, cookie } = createLoginState(intent, { secret: payloadSecret(), now: new Date() })
  const redirectUri = `${siteUrl}${ctx.href('/account/wechat/callback')}`
  return {
    kind: 'done',
    location: authorizeUrl(wechatConfig().endpoints, app.appId, { redirectUri, scope: intent.scope, state }),
    cookies: [stateCookie(cookie)],
  }
}

/**
 * GET /account/wechat/callback?code=…&state=…: the state checked and spent, the code swapped, the member signed in or WeChat joined.
 */
export const finishWechatSignIn: Action = async (ctx) => {
  const { locale } = ctx
  let intent: LoginIntent
  try {
    intent = await openLoginState(
      text(ctx.fields, 'state') || null,
      readCookie(ctx.request.headers.get('cookie'), WECHAT_STATE_COOKIE) ?? null,
      { secret: payloadSecret(), store: await throttleStore(), now: new Date() },
    )
  } catch (error) {
    if (!(error instanceof LoginStateError)) throw error
    console.warn(`WeChat sign-in state refused: ${error.reason}`)
    return refuse('wechat-state', locale)
  }
  const cleared = [clearedStateCookie()]
  const code = text(ctx.fields, 'code')
  // WeChat comes back without a code when the visitor declines.
  if (!code) return { kind: 'done', location: `${ctx.href('/account/sign-in')}?notice=wechat-cancelled`, cookies: cleared }
  const { mp, web, endpoints } = wechatConfig()
  const app = intent.app === 'mp' ? mp : web
  if (!app || code.length > 256) return refuse(app ? 'wechat-rejected' : 'wechat-unavailable', locale)

  let who: WechatIdentity
  try {
    const token = await exchangeCode(endpoints, app, code)
    // A visitor previewing the page in a Moments snapshot has a stand-in openid that is nobody's.
    if (token.is_snapshotuser === 1) return refuse('wechat-rejected', locale)
    let info: SnsUserInfo | null = null
    if (intent.profile && intent.scope !== 'snsapi_base') {
      info = await readUserInfo(endpoints, token, locale === 'en' ? 'en' : 'zh_CN').catch((error: unknown) => {
        // The sign-in is proved by the openid; a profile that cannot be read is only left out.
        console.warn('WeChat profile not read:', error instanceof Error ? error.message : error)
        return null
      })
    }
    who = { appId: app.appId, openid: token.openid, unionid: token.unionid ?? info?.unionid ?? null, profile: info }
  } catch (error) {
    if (!(error instanceof WechatApiError)) throw error
    console.warn(`WeChat sign-in refused by WeChat: errcode ${error.errcode}`)
    return refuse(REJECTED_CODE_ERRORS.has(error.errcode) ? 'wechat-rejected' : 'wechat-unavailable', locale)
  }

  if (intent.member !== null) {
    // Joining WeChat to an account needs that account signed in here, still, as when it started.
    if (!ctx.signed || String(ctx.signed.member.id) !== intent.member) return refuse('signed-out', locale)
    if ((await joinWechat(ctx.signed.member, who)) === 'taken') return refuse('wechat-taken', locale)
    return { kind: 'done', location: `${ctx.href('/account')}?notice=wechat-added`, cookies: cleared }
  }
  if (intent.scope === 'snsapi_base' && (await ownerOf(who)) === null) {
    // A silent authorisation knows only this app's openid. For someone new it is not enough to tell
    // whether they are a member through another of the brand's apps, so WeChat asks them once to
    // share their profile (snsapi_userinfo), which brings the unionid.
    return toWechat(ctx, { ...intent, scope: 'snsapi_userinfo', profile: true }, app)
  }
  const member = await memberForWechat(who, ctx)
  const fresh = member ? await (await membersStore()).memberById(member.id) : null
  if (!fresh || fresh.erasedAt) return refuse('wechat-rejected', locale)
  const session = await startSession(fresh, ctx.request, ctx.clientAddress)
  return { kind: 'done', location: intent.next, cookies: [session, ...cleared] }
}
