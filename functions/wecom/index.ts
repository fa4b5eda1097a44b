// 企业微信 (WeCom): the callback's signature and encryption, and the contact events it reports.
export { type CachedToken, createTokenCache, FETCH_LOCK_MS, RENEW_BEFORE_MS, type TokenCache } from './access-token'
export { CALLBACK_WINDOW_MS, type CallbackRequest, openCallback } from './callback'
export {
  aesKeyOf,
  CallbackError,
  type CallbackRefusal,
  type CallbackSecrets,
  callbackSignature,
  decryptMessage,
  verifySignature,
} from './callback-crypto'
export { type ContactEvent, readContactEvent, xmlField } from './callback-event'
export { type ContactState, contactState, parseContactState, STATE_MAX_LENGTH } from './contact-state'
export { addContactWay, type ContactWayRequest, getToken, STALE_TOKEN_ERRORS, withToken, WorkApiError, type WorkEndpoint } from './work-api'
