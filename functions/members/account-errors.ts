import type { Locale, Localized } from './locale'

/** Every way an account endpoint refuses a request; each has one status and one message per locale. */
export type AccountErrorCode =
  | 'malformed'
  | 'link-invalid'
  | 'wrong-credentials'
  | 'code-rejected'
  | 'signed-out'
  | 'cross-origin'
  | 'email-unconfirmed'
  | 'email-taken'
  | 'not-enough-points'
  | 'too-large'
  | 'invalid-fields'
  | 'throttled'
  | 'password-throttled'
  | 'phone-taken'
  | 'sms-unavailable'
  | 'wechat-state'
  | 'wechat-rejected'
  | 'wechat-taken'
  | 'wechat-unavailable'

interface ErrorEntry {
  status: number
  /** Fixed text, or text built from a wait in seconds; never from the visitor's input. */
  message: Localized<string | ((seconds: number) => string)>
}

function wait(locale: Locale, seconds: number): string {
  const minutes = Math.ceil(seconds / 60)
  if (locale === 'zh-CN') return seconds <= 120 ? `${seconds} 秒` : `${minutes} 分钟`
  if (seconds <= 120) return seconds === 1 ? '1 second' : `${seconds} seconds`
  return `${minutes} minutes`
}

/**
 * The table every account endpoint and its bad-input tests share. 401 has one message for an unknown
 * email and a wrong password, so that sign-in never tells a stranger who has an account.
 */
export const ACCOUNT_ERRORS: Readonly<Record<AccountErrorCode, ErrorEntry>> = {
  malformed: {
    status: 400,
    message: {
      'zh-CN': '无法读取该请求：请以表单数据或 JSON 格式提交。',
      en: 'The request could not be read: send the fields as form data or JSON.',
    },
  },
  'link-invalid': {
    status: 400,
    message: {
      'zh-CN': '该链接无效或已过期。请使用邮件中最新的链接，或登录后操作。',
      en: 'This link is not valid or has expired. Use the latest link from your email, or sign in to do this.',
    },
  },
  'wrong-credentials': {
    status: 401,
    message: { 'zh-CN': '邮箱或密码错误。', en: 'The email or password is wrong.' },
  },
  'code-rejected': {
    status: 401,
    message: {
      'zh-CN': '验证码错误或已失效。验证码只能使用一次，有效期 10 分钟；请重新获取。',
      en: 'This code is wrong or no longer valid. A code works once, for 10 minutes; ask for a new one.',
    },
  },
  'signed-out': {
    status: 401,
    message: { 'zh-CN': '请先登录。', en: 'Sign in to continue.' },
  },
  'cross-origin': {
    status: 403,
    message: {
      'zh-CN': '该请求来自其他网站，已被拒绝。请刷新页面后重试。',
      en: 'This request came from another site and was refused. Reload the page and try again.',
    },
  },
  'email-unconfirmed': {
    status: 403,
    message: {
      'zh-CN': '请先确认您的邮箱，再绑定手机号。',
      en: 'Confirm your email first, then add a phone number.',
    },
  },
  'email-taken': {
    status: 409,
    message: {
      'zh-CN': '该邮箱已注册。请直接登录，或重置密码。',
      en: 'An account with this email already exists. Sign in, or reset your password.',
    },
  },
  'phone-taken': {
    status: 409,
    message: {
      'zh-CN': '该手机号已绑定其他账户。请退出后用该手机号登录，或使用其他号码。',
      en: 'This number belongs to another account. Sign out and sign in with it, or use another number.',
    },
  },
  'wechat-taken': {
    status: 409,
    message: {
      'zh-CN': '该微信已绑定其他账户。请退出后用微信登录，或使用其他微信。',
      en: 'This WeChat account belongs to another account. Sign out and sign in with WeChat, or use another WeChat account.',
    },
  },
  'wechat-state': {
    status: 403,
    message: {
      'zh-CN': '该微信登录不是从本浏览器发起的，或已过期、已使用。请重新用微信登录。',
      en: 'This WeChat sign-in was not started in this browser, or it has expired or been used. Start again.',
    },
  },
  'wechat-rejected': {
    status: 401,
    message: {
      'zh-CN': '微信授权已失效或已使用。请重新用微信登录。',
      en: 'WeChat’s authorisation has expired or was used already. Sign in with WeChat again.',
    },
  },
  'wechat-unavailable': {
    status: 503,
    message: {
      'zh-CN': '此处暂时无法使用微信登录。请在微信中打开本页，或用手机号登录。',
      en: 'Sign-in with WeChat is not available here right now. Open this page in WeChat, or sign in with your phone.',
    },
  },
  'not-enough-points': {
    status: 409,
    message: { 'zh-CN': '积分不足，无法兑换。', en: 'You do not have enough points for this.' },
  },
  'too-large': {
    status: 413,
    message: { 'zh-CN': '提交的内容过大。', en: 'The request is too large.' },
  },
  'invalid-fields': {
    status: 422,
    message: { 'zh-CN': '部分内容需要修改。', en: 'Some fields need attention.' },
  },
  throttled: {
    status: 429,
    message: {
      'zh-CN': (s) => `尝试次数过多。请在 ${wait('zh-CN', s)}后重试。`,
      en: (s) => `Too many attempts. Try again in ${wait('en', s)}.`,
    },
  },
  'sms-unavailable': {
    status: 503,
    message: {
      'zh-CN': (s) => `短信验证码暂时无法发送。请在 ${wait('zh-CN', s)}后重试，或使用邮箱登录。`,
      en: (s) => `Text codes cannot be sent right now. Try again in ${wait('en', s)}, or sign in with your email.`,
    },
  },
  'password-throttled': {
    status: 429,
    message: {
      'zh-CN': (s) => `密码尝试次数过多。请在 ${wait('zh-CN', s)}后重试，或使用邮箱验证码登录。`,
      en: (s) => `Too many password attempts. Try again in ${wait('en', s)}, or sign in with a code sent to your email.`,
    },
  },
}

/** What an endpoint sends back when it refuses a request. */
export interface AccountErrorResponse {
  status: number
  headers: Record<string, string>
  body: { error: { code: AccountErrorCode; message: string; fields?: Record<string, string> } }
}

export interface AccountErrorOptions {
  /** Per-field messages, for 422. */
  fields?: Record<string, string>
  /** How long to wait, for 429; sent as Retry-After in whole seconds (at least 1). */
  retryAfterMs?: number
}

/**
 * The refusal an account endpoint sends, in the member's language.
 * @example accountError('throttled', 'en', { retryAfterMs: 30_000 }) // { status: 429, headers: { 'retry-after': '30', ... },
 *   body: { error: { code: 'throttled', message: 'Too many attempts. Try again in 30 seconds.' } } }
 */
export function accountError(code: AccountErrorCode, locale: Locale, options: AccountErrorOptions = {}): AccountErrorResponse {
  const entry = ACCOUNT_ERRORS[code]
  // A refusal is about this request only: never cached by a browser or a proxy.
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
  const text = entry.message[locale] ?? entry.message.en
  let message: string
  if (typeof text === 'function') {
    const seconds = Math.max(1, Math.ceil((options.retryAfterMs ?? 1000) / 1000))
    headers['retry-after'] = String(seconds)
    message = text(seconds)
  } else {
    message = text
  }
  const body: AccountErrorResponse['body'] = { error: { code, message } }
  if (code === 'invalid-fields') body.error.fields = { ...options.fields }
  return { status: entry.status, headers, body }
}

/**
 * The base error of the members domain: thrown deep inside, turned into a response at the endpoint.
 * @example throw new AccountError('email-taken')
 */
export class AccountError extends Error {
  override name = 'AccountError'
  readonly code: AccountErrorCode
  readonly status: number
  readonly data: AccountErrorOptions

  constructor(code: AccountErrorCode, data: AccountErrorOptions = {}) {
    const text = ACCOUNT_ERRORS[code].message.en
    super(typeof text === 'function' ? text(Math.max(1, Math.ceil((data.retryAfterMs ?? 1000) / 1000))) : text)
    this.code = code
    this.status = ACCOUNT_ERRORS[code].status
    this.data = data
  }

  /** This refusal as an endpoint sends it, in the member's language. */
  toResponse(locale: Locale): AccountErrorResponse {
    return accountError(this.code, locale, this.data)
  }
}

/**
 * A web-standard Response (Astro endpoints return these) for a refusal.
 * @example return asResponse(accountError('cross-origin', locale))
 */
export function asResponse({ status, headers, body }: AccountErrorResponse): Response {
  return new Response(JSON.stringify(body), { status, headers })
}
