import { escapeHtml } from '../content/rich-text'
import type { Locale } from './locale'
import type { CodePurpose } from './one-time-code'

const SUBJECTS: Record<CodePurpose, Record<Locale, (brand: string) => string>> = {
  'sign-in': { 'zh-CN': (b) => `${b} 登录验证码`, en: (b) => `Your ${b} sign-in code` },
  'verify-email': { 'zh-CN': (b) => `验证您在 ${b} 的邮箱`, en: (b) => `Confirm your email for ${b}` },
  'change-email': { 'zh-CN': (b) => `确认您在 ${b} 的新邮箱`, en: (b) => `Confirm your new email for ${b}` },
  'reset-password': { 'zh-CN': (b) => `${b} 重置密码验证码`, en: (b) => `Your ${b} password reset code` },
}

const LEADS: Record<CodePurpose, Record<Locale, string>> = {
  'sign-in': { 'zh-CN': '您的登录验证码是：', en: 'Your sign-in code is:' },
  'verify-email': { 'zh-CN': '请输入以下验证码以确认您的邮箱：', en: 'Enter this code to confirm your email address:' },
  'change-email': {
    'zh-CN': '请输入以下验证码以确认您的新邮箱：',
    en: 'Enter this code to confirm your new email address:',
  },
  'reset-password': { 'zh-CN': '您的重置密码验证码是：', en: 'Your password reset code is:' },
}

const FOOTER: Record<Locale, string> = {
  'zh-CN': '验证码 10 分钟内有效，只能使用一次。如果这不是您本人的操作，请忽略此邮件；没有验证码，任何人都无法进入您的账户。',
  en:
    'The code works once, for 10 minutes. If you did not ask for it, ignore this email: ' +
    'nobody can get into your account without the code.',
}

/**
 * The email that carries a one-time code, in the member's language. The code is in the subject's
 * body only, never in a link: links get opened by mail scanners and break in in-app browsers.
 * @example renderCodeEmail({ purpose: 'sign-in', code: '048213', brand: 'Acme', locale: 'en' }).subject // 'Your Acme sign-in code'
 */
export function renderCodeEmail({
  purpose,
  code,
  brand,
  locale,
  pageUrl,
}: {
  purpose: CodePurpose
  code: string
  brand: string
  locale: Locale
  pageUrl?: string | null
}): { subject: string; text: string; html: string } {
  const name = brand.replace(/[\r\n]+/g, ' ').trim() || 'Brand'
  const subject = SUBJECTS[purpose][locale](name)
  const where = pageUrl ? (locale === 'zh-CN' ? `在此页面输入验证码：${pageUrl}` : `Enter it here: ${pageUrl}`) : ''
  const text = [LEADS[purpose][locale], '', `    ${code}`, '', where, FOOTER[locale]]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n')
    .trim()
  const html = [
    `<p>${escapeHtml(LEADS[purpose][locale])}</p>`,
    `<p style="font-size:28px;letter-spacing:6px;font-weight:700;font-family:monospace">${escapeHtml(code)}</p>`,
    pageUrl
      ? `<p>${escapeHtml(locale === 'zh-CN' ? '在此页面输入验证码：' : 'Enter it here: ')}<a href="${escapeHtml(pageUrl)}">` +
        `${escapeHtml(pageUrl)}</a></p>`
      : '',
    `<p style="color:#666">${escapeHtml(FOOTER[locale])}</p>`,
  ]
    .filter(Boolean)
    .join('\n')
  return { subject, text, html }
}
