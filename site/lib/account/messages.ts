// Per-field messages of the account forms that the members domain does not already word
// (passwords and profile fields are worded there), and the notices shown after a success.
import type { Locale, Localized } from '../../../functions/members/locale'

export const FIELD_MESSAGES = {
  email: { 'zh-CN': '请输入有效的邮箱地址。', en: 'Enter a valid email address.' },
  code: { 'zh-CN': '请输入邮件中的 6 位验证码。', en: 'Enter the 6-digit code from the email.' },
  currentPassword: { 'zh-CN': '请输入当前密码。', en: 'Enter your current password.' },
  reward: { 'zh-CN': '请从列表中选择奖励。', en: 'Choose a reward from the list.' },
  session: { 'zh-CN': '该会话不存在或已结束。', en: 'This session does not exist or has ended.' },
  topics: { 'zh-CN': '请从列表中选择主题。', en: 'Choose topics from the list.' },
  confirm: { 'zh-CN': '请输入密码或验证码以确认。', en: 'Enter your password or a code to confirm.' },
  sameEmail: { 'zh-CN': '这已经是您的邮箱。', en: 'This is your email already.' },
} satisfies Record<string, Localized>

export type FieldMessage = keyof typeof FIELD_MESSAGES

/** A field's message in the visitor's language. */
export const fieldMessage = (key: FieldMessage, locale: Locale) => FIELD_MESSAGES[key][locale]

export const NOTICES = {
  'code-sent': {
    'zh-CN': '如果该邮箱已注册，验证码已发送。请查收邮件（10 分钟内有效）。',
    en: 'If this email has an account, a code is on its way. Check your inbox (it works for 10 minutes).',
  },
  'verify-sent': { 'zh-CN': '验证码已发送到您的邮箱。', en: 'We sent a code to your email.' },
  verified: { 'zh-CN': '邮箱已验证，欢迎成为会员！', en: 'Your email is confirmed. Welcome!' },
  saved: { 'zh-CN': '已保存。', en: 'Saved.' },
  'password-changed': {
    'zh-CN': '密码已更新，其他设备已退出登录。',
    en: 'Password changed; your other devices are signed out.',
  },
  'email-changed': { 'zh-CN': '邮箱已更新。', en: 'Your email is changed.' },
  redeemed: { 'zh-CN': '兑换成功。', en: 'Redeemed.' },
  revoked: { 'zh-CN': '已退出该设备。', en: 'That device is signed out.' },
  'phone-code-sent': {
    'zh-CN': '验证码已通过短信发送（10 分钟内有效）。',
    en: 'We texted you a code (it works for 10 minutes).',
  },
  'phone-added': { 'zh-CN': '手机号已绑定。', en: 'Your phone number is added.' },
  'wechat-added': {
    'zh-CN': '微信已绑定，以后可以用微信登录。',
    en: 'WeChat is added: you can sign in with it from now on.',
  },
  'wechat-cancelled': { 'zh-CN': '您取消了微信授权。', en: 'You cancelled the WeChat authorisation.' },
  unsubscribed: { 'zh-CN': '您已退订。', en: 'You are unsubscribed.' },
} satisfies Record<string, Localized>

export type Notice = keyof typeof NOTICES
export const isNotice = (value: unknown): value is Notice => typeof value === 'string' && Object.hasOwn(NOTICES, value)
