import type { APIRoute } from 'astro'

import { payloadSecret } from '../../cms/environment'
import { readLeaveToken } from '../../functions/broadcasts/tokens'
import { escapeHtml } from '../../functions/content/rich-text'
import { plainPage } from '../lib/plain-page'
import { readSmallForm } from '../lib/small-form'
import { leaveBroadcast } from '../lib/stores'

const html = (status: number, body: string) => plainPage(status, 'Unsubscribe · 退订', body)

const INVALID =
  '<h1>This link is not valid · 链接无效</h1><p>Use the unsubscribe link of a newer email, or your account page. · ' +
  '请使用较新邮件中的退订链接，或在账户页面管理订阅。</p>'

/**
 * The unsubscribe link of a broadcast, signed out. GET asks to confirm (a link scanner that opens
 * it unsubscribes nobody); POST, from the confirm button or a mail client's one-click button
 * (RFC 8058, `List-Unsubscribe=One-Click`), unsubscribes. The signed token is the authority, so a
 * cross-site POST is expected here.
 */
export const GET: APIRoute = ({ url }) => {
  const token = url.searchParams.get('token') ?? ''
  if (!readLeaveToken(token, payloadSecret())) return html(400, INVALID)
  return html(
    200,
    `<h1>Unsubscribe? · 确认退订？</h1><form method="post" action="/unsubscribe?token=${escapeHtml(encodeURIComponent(token))}">` +
      `<button type="submit">Unsubscribe · 退订</button></form>`,
  )
}

export const POST: APIRoute = async ({ url, request }) => {
  const form = await readSmallForm(request)
  if (form === 'too-large') return html(413, 'The request is too large. · 请求过大。')
  const token = url.searchParams.get('token') || String(form?.get('token') ?? '')
  const left = await leaveBroadcast(token)
  if (!left) return html(400, INVALID)
  if (form?.get('List-Unsubscribe') === 'One-Click') return new Response(null, { status: 200, headers: { 'cache-control': 'no-store' } })
  return html(200, '<h1>You are unsubscribed · 您已退订</h1><p>You will receive no more of these emails. · 您将不再收到此类邮件。</p>')
}
