import { describe, expect, it } from 'vitest'

import { ACCOUNT_ERRORS, AccountError, accountError, type AccountErrorCode, asResponse } from './account-errors'

describe('accountError', () => {
  it.each<[AccountErrorCode, number, string, string]>([
    [
      'malformed',
      400,
      'The request could not be read: send the fields as form data or JSON.',
      '无法读取该请求：请以表单数据或 JSON 格式提交。',
    ],
    [
      'link-invalid',
      400,
      'This link is not valid or has expired. Use the latest link from your email, or sign in to do this.',
      '该链接无效或已过期。请使用邮件中最新的链接，或登录后操作。',
    ],
    ['wrong-credentials', 401, 'The email or password is wrong.', '邮箱或密码错误。'],
    [
      'code-rejected',
      401,
      'This code is wrong or no longer valid. A code works once, for 10 minutes; ask for a new one.',
      '验证码错误或已失效。验证码只能使用一次，有效期 10 分钟；请重新获取。',
    ],
    ['signed-out', 401, 'Sign in to continue.', '请先登录。'],
    [
      'cross-origin',
      403,
      'This request came from another site and was refused. Reload the page and try again.',
      '该请求来自其他网站，已被拒绝。请刷新页面后重试。',
    ],
    [
      'email-taken',
      409,
      'An account with this email already exists. Sign in, or reset your password.',
      '该邮箱已注册。请直接登录，或重置密码。',
    ],
    ['not-enough-points', 409, 'You do not have enough points for this.', '积分不足，无法兑换。'],
    [
      'phone-taken',
      409,
      'This number belongs to another account. Sign out and sign in with it, or use another number.',
      '该手机号已绑定其他账户。请退出后用该手机号登录，或使用其他号码。',
    ],
    [
      'wechat-taken',
      409,
      'This WeChat account belongs to another account. Sign out and sign in with WeChat, or use another WeChat account.',
      '该微信已绑定其他账户。请退出后用微信登录，或使用其他微信。',
    ],
    [
      'wechat-state',
      403,
      'This WeChat sign-in was not started in this browser, or it has expired or been used. Start again.',
      '该微信登录不是从本浏览器发起的，或已过期、已使用。请重新用微信登录。',
    ],
    [
      'wechat-rejected',
      401,
      'WeChat’s authorisation has expired or was used already. Sign in with WeChat again.',
      '微信授权已失效或已使用。请重新用微信登录。',
    ],
    [
      'wechat-unavailable',
      503,
      'Sign-in with WeChat is not available here right now. Open this page in WeChat, or sign in with your phone.',
      '此处暂时无法使用微信登录。请在微信中打开本页，或用手机号登录。',
    ],
    ['too-large', 413, 'The request is too large.', '提交的内容过大。'],
    ['invalid-fields', 422, 'Some fields need attention.', '部分内容需要修改。'],
  ])('%s is %i with fixed messages', (code, status, en, zh) => {
    expect(accountError(code, 'en')).toEqual({
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: { error: code === 'invalid-fields' ? { code, message: en, fields: {} } : { code, message: en } },
    })
    expect(accountError(code, 'zh-CN').body.error.message).toBe(zh)
  })

  it('covers every code in the table', () => {
    expect(Object.keys(ACCOUNT_ERRORS).sort()).toEqual([
      'code-rejected',
      'cross-origin',
      'email-taken',
      'email-unconfirmed',
      'invalid-fields',
      'link-invalid',
      'malformed',
      'not-enough-points',
      'password-throttled',
      'phone-taken',
      'signed-out',
      'sms-unavailable',
      'throttled',
      'too-large',
      'wechat-rejected',
      'wechat-state',
      'wechat-taken',
      'wechat-unavailable',
      'wrong-credentials',
    ])
  })

  it.each<[AccountErrorCode, number, string, string, string]>([
    ['throttled', 30_000, '30', 'Too many attempts. Try again in 30 seconds.', '尝试次数过多。请在 30 秒后重试。'],
    ['throttled', 1, '1', 'Too many attempts. Try again in 1 second.', '尝试次数过多。请在 1 秒后重试。'],
    ['throttled', 0, '1', 'Too many attempts. Try again in 1 second.', '尝试次数过多。请在 1 秒后重试。'],
    ['throttled', 120_000, '120', 'Too many attempts. Try again in 120 seconds.', '尝试次数过多。请在 120 秒后重试。'],
    ['throttled', 900_000, '900', 'Too many attempts. Try again in 15 minutes.', '尝试次数过多。请在 15 分钟后重试。'],
    ['throttled', 121_001, '122', 'Too many attempts. Try again in 3 minutes.', '尝试次数过多。请在 3 分钟后重试。'],
    [
      'password-throttled',
      4_500,
      '5',
      'Too many password attempts. Try again in 5 seconds, or sign in with a code sent to your email.',
      '密码尝试次数过多。请在 5 秒后重试，或使用邮箱验证码登录。',
    ],
  ])('%s after %i ms says Retry-After %s', (code, retryAfterMs, header, en, zh) => {
    const response = accountError(code, 'en', { retryAfterMs })
    expect(response.status).toBe(429)
    expect(response.headers['retry-after']).toBe(header)
    expect(response.body.error.message).toBe(en)
    expect(accountError(code, 'zh-CN', { retryAfterMs }).body.error.message).toBe(zh)
  })

  it('says when texts can be sent again once the daily SMS budget is spent (503 with Retry-After)', () => {
    const response = accountError('sms-unavailable', 'en', { retryAfterMs: 3 * 60 * 60_000 })
    expect(response.status).toBe(503)
    expect(response.headers['retry-after']).toBe('10800')
    expect(response.body.error.message).toBe('Text codes cannot be sent right now. Try again in 180 minutes, or sign in with your email.')
    expect(accountError('sms-unavailable', 'zh-CN', { retryAfterMs: 60_000 }).body.error.message).toBe(
      '短信验证码暂时无法发送。请在 60 秒后重试，或使用邮箱登录。',
    )
  })

  it('carries per-field messages on 422 only', () => {
    expect(accountError('invalid-fields', 'en', { fields: { phone: 'Enter a valid phone number.' } }).body).toEqual({
      error: { code: 'invalid-fields', message: 'Some fields need attention.', fields: { phone: 'Enter a valid phone number.' } },
    })
    expect(accountError('malformed', 'en', { fields: { phone: 'x' } }).body).toEqual({
      error: { code: 'malformed', message: 'The request could not be read: send the fields as form data or JSON.' },
    })
  })

  it('has no Retry-After on other refusals', () => {
    expect(accountError('wrong-credentials', 'en', { retryAfterMs: 5000 }).headers['retry-after']).toBeUndefined()
  })
})

describe('AccountError', () => {
  it('keeps its status and turns into the same response', () => {
    const error = new AccountError('throttled', { retryAfterMs: 30_000 })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('AccountError')
    expect(error.status).toBe(429)
    expect(error.message).toBe('Too many attempts. Try again in 30 seconds.')
    expect(error.toResponse('zh-CN')).toEqual(accountError('throttled', 'zh-CN', { retryAfterMs: 30_000 }))
  })
})

describe('asResponse', () => {
  it('makes a JSON Response with the headers', async () => {
    const response = asResponse(accountError('password-throttled', 'en', { retryAfterMs: 2000 }))
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('2')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({
      error: {
        code: 'password-throttled',
        message: 'Too many password attempts. Try again in 2 seconds, or sign in with a code sent to your email.',
      },
    })
  })
})
