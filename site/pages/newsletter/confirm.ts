import type { APIRoute } from 'astro'

import { payloadSecret } from '../../../cms/environment'
import { readConfirmToken } from '../../../functions/broadcasts/newsletter-signup'
import { escapeHtml } from '../../../functions/content/rich-text'
import { confirmSignup } from '../../lib/newsletter-signup'
import { plainPage } from '../../lib/plain-page'
import { readSmallForm } from '../../lib/small-form'

const html = (status: number, body: string) => plainPage(status, 'Newsletter · 新闻邮件', body)

const INVALID = () =>
  html(
    400,
    '<h1>This link is not valid · 链接无效</h1><p>Copy the whole link from our email, or sign up again on the newsletter page. · ' +
      '请复制邮件中的完整链接，或在新闻邮件页面重新订阅。</p>',
  )
const EXPIRED = () =>
  html(
    410,
    '<h1>This link has expired · 链接已过期</h1><p>Confirmation links work for 48 hours. Sign up again on the newsletter page to ' +
      'get a new one. · 确认链接 48 小时内有效，请在新闻邮件页面重新订阅。</p>',
  )

/**
 * The double opt-in link of the newsletter box. GET asks to confirm (a mail scanner that opens the
 * link subscribes nobody); POST from that button subscribes. The signed token is the authority.
 */
export const GET: APIRoute = ({ url }) => {
  const token = url.searchParams.get('token') ?? ''
  const grant = readConfirmToken(token, payloadSecret(), new Date())
  if (grant === 'invalid') return INVALID()
  if (grant === 'expired') return EXPIRED()
  return html(
    200,
    `<h1>Confirm your subscription · 确认订阅</h1><form method="post" ` +
      `action="/newsletter/confirm?token=${escapeHtml(encodeURIComponent(token))}"><button type="submit">` +
      `Subscribe ${escapeHtml(grant.email)} · 确认订阅</button></form>`,
  )
}

export const POST: APIRoute = async ({ url, request }) => {
  const form = await readSmallForm(request)
  if (form === 'too-large') return html(413, 'The request is too large. · 请求过大。')
  const result = await confirmSignup(url.searchParams.get('token') || String(form?.get('token') ?? ''))
  if (result === 'invalid') return INVALID()
  if (result === 'expired') return EXPIRED()
  return html(
    200,
    '<h1>You are subscribed · 订阅成功</h1><p>Thank you: the next newsletter is on its way to you. · 谢谢，下一期新闻邮件将发送给您。</p>',
  )
}
