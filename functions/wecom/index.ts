// 企业微信 (WeCom): the callback's signature and encryption, and the contact events it reports.
export { aesKeyOf, callbackSignature, CallbackError, decryptMessage, verifySignature, type CallbackRefusal, type CallbackSecrets } from './callback-crypto'
export { readContactEvent, xmlField, type ContactEvent } from './callback-event'
export { CALLBACK_WINDOW_MS, openCallback, type CallbackRequest } from './callback'
export { contactState, parseContactState, STATE_MAX_LENGTH, type ContactState } from './contact-state'
export { createTokenCache, FETCH_LOCK_MS, RENEW_BEFORE_MS, type CachedToken, type TokenCache } from './access-token'
export { addContactWay, getToken, STALE_TOKEN_ERRORS, withToken, WorkApiError, type ContactWayRequest, type WorkEndpoint } from './work-api'
