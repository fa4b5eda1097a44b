// WeChat sign-in (issue 17): the official account's web authorisation inside WeChat, the open
// platform's QR login on a desktop, and the state that ties each to the browser that started it.
export { createLoginState, LOGIN_STATE_TTL_MS, type LoginIntent, LoginStateError, openLoginState, type StateRefusal } from './login-state'
export {
  authorizeUrl,
  exchangeCode,
  isWechatBrowser,
  openidKey,
  readUserInfo,
  REJECTED_CODE_ERRORS,
  type SnsToken,
  type SnsUserInfo,
  unionidKey,
  WechatApiError,
  type WechatApp,
  type WechatEndpoints,
} from './sns-api'
