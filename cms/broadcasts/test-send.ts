import { randomUUID } from 'node:crypto'

import type { Endpoint, PayloadRequest } from 'payload'

import { type BroadcastEmail, renderBroadcastEmail } from '../../functions/broadcasts/email'
import { LOCALE_CODES } from '../../functions/content/locales'
import { THEMES } from '../../functions/content/themes'
import { roleOf } from '../access/roles'
import { unsubscribeMailbox } from '../email/unsubscribe-mailbox'
import { payloadSecret, siteUrl } from '../environment'
import { loadBroadcastTexts } from './content'
import { batchSenderFor } from './sender'
import { broadcastStoreFor } from './sqlite-store'

const refuse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/**
 * The broadcast as the signed-in editor would get it: the same texts and renderer as the send, for
 * a recipient key (`test:<user>`) that no delivery row, stat or unsubscribe ever matches.
 */
async function emailForSelf(req: PayloadRequest, locale: string | null, theme: string | null = null): Promise<BroadcastEmail | Response> {
  const role = roleOf(req)
  const user = req.user
  if (!user || (role !== 'admin' && role !== 'editor')) return refuse(403, 'Sign in as an editor or admin to test a broadcast.')
  const id = String(req.routeParams?.id ?? '')
  const plan = /^[0-9a-f]{1,24}$/i.test(id) ? await broadcastStoreFor(req.payload).loadBroadcast(id) : null
  if (!plan) return refuse(404, 'No such broadcast.')
  const texts = await loadBroadcastTexts(req.payload, plan.id, plan.topic, siteUrl)
  const wanted = LOCALE_CODES.find((l) => l === locale) ?? user.language ?? null
  const { locale: written, content, brand } = texts.contentFor(wanted)
  const recipient = {
    key: `test:${user.id}`,
    email: user.email ?? '',
    name: user.name ?? null,
    locale: written,
    memberId: null,
    leadId: null,
  }
  // A preview may ask for the other theme's look, to see the email as it would go out after a switch.
  const look = theme && (THEMES as readonly string[]).includes(theme) ? { ...brand, theme } : brand
  return renderBroadcastEmail(content, recipient, look, {
    siteUrl,
    unsubscribeMailbox: unsubscribeMailbox(),
    secret: payloadSecret(),
    locale: written,
  })
}

/**
 * `POST /api/broadcasts/:id/test`: emails the broadcast to the signed-in editor, subject prefixed
 * "[Test]", through the sender real sends use (Resend, or the Outbox). Nothing is recorded for the
 * broadcast: no delivery row, so it counts in no stat and the send itself still reaches everyone.
 */
export const broadcastTestSendEndpoint: Endpoint = {
  path: '/:id/test',
  method: 'post',
  handler: async (req) => {
    const email = await emailForSelf(req, req.searchParams.get('locale'))
    if (email instanceof Response) return email
    if (!email.to) return refuse(422, 'Your account has no email address to send the test to.')
    const key = `broadcast-test-${String(req.routeParams?.id)}-${randomUUID()}`
    const result = await batchSenderFor(req.payload).send([{ ...email, subject: `[Test] ${email.subject}` }], key)
    if (!result.ok) return refuse(502, `The email provider refused the test (${result.status}): ${result.message}`)
    return Response.json({ sentTo: email.to, id: result.ids[0] ?? null })
  },
}

/**
 * `GET /api/broadcasts/:id/preview?locale=en&theme=editorial`: the email's HTML as the signed-in
 * editor would get it, saved or not yet sent, in the site's theme or the one asked for.
 */
export const broadcastPreviewEndpoint: Endpoint = {
  path: '/:id/preview',
  method: 'get',
  handler: async (req) => {
    const email = await emailForSelf(req, req.searchParams.get('locale'), req.searchParams.get('theme'))
    if (email instanceof Response) return email
    // The email's own HTML, shown as a page of the CMS: nothing in it may run (it has no scripts; the CSP says so too).
    return new Response(email.html, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'", 'cache-control': 'no-store' },
    })
  },
}
