// Asking for a one-time code (queued as a mail job that issues it) and checking one.
import { randomUUID } from 'node:crypto'

import { payloadSecret } from '../../../cms/environment'
import { accountError, type AccountErrorResponse } from '../../../functions/members/account-errors'
import type { Locale } from '../../../functions/members/locale'
import { type CodePurpose, issueCode, verifyCode } from '../../../functions/members/one-time-code'
import type { StoredCode } from '../../../functions/members/store'
import { membersStore, queueJob } from '../stores'
import { codeRequested, signInGuard } from './guard'

/**
 * Queues the email with a code for `subject`, unless the address asked for too many or this
 * subject had one less than a minute ago (429). The job issues the code; nothing here sees it.
 */
export async function requestCode(args: {
  subject: string
  purpose: CodePurpose
  locale: Locale
  address: string
  newEmail?: string
}): Promise<AccountErrorResponse | null> {
  const gate = await signInGuard.requestCode({ ip: args.address })
  if (!gate.allowed) return accountError('throttled', args.locale, gate)
  // The job issues the code a moment later: until it has, the stored record cannot say "asked a second ago".
  const recent = await codeRequested(`${args.purpose}:${args.subject}`)
  if (!recent.allowed) return accountError('throttled', args.locale, recent)
  const store = await membersStore()
  const stored = await store.codeOf(args.subject, args.purpose)
  // The same rule the job applies, checked here so that the visitor hears it now rather than never.
  const wouldIssue = issueCode(stored?.record ?? null, {
    subject: args.subject,
    purpose: args.purpose,
    secret: payloadSecret(),
    now: new Date(),
  })
  if (!wouldIssue.ok) return accountError('throttled', args.locale, { retryAfterMs: wouldIssue.retryAfterMs })
  await queueJob('sendMemberCode', {
    subject: args.subject,
    purpose: args.purpose,
    locale: args.locale,
    requestId: randomUUID(),
    newEmail: args.newEmail ?? null,
  })
  return null
}

/**
 * Checks a typed code: 429 while the address has guessed wrong too often, 401 for a wrong, spent
 * or expired code. A right code is spent at once (compare-and-set: two requests with it cannot both pass).
 */
export async function checkCode(args: {
  subject: string
  purpose: CodePurpose
  code: unknown
  locale: Locale
  address: string
}): Promise<{ ok: true; stored: StoredCode } | { ok: false; error: AccountErrorResponse }> {
  const gate = await signInGuard.checkCode({ ip: args.address })
  if (!gate.allowed) return { ok: false, error: accountError('throttled', args.locale, gate) }
  const store = await membersStore()
  const stored = await store.codeOf(args.subject, args.purpose)
  const result = verifyCode(stored?.record ?? null, args.code, {
    subject: args.subject,
    purpose: args.purpose,
    secret: payloadSecret(),
    now: new Date(),
  })
  let saved = true
  if (stored && result.record && result.record !== stored.record) saved = await store.compareAndSetCode(stored, result.record)
  if (result.outcome !== 'ok' || !saved || !stored) {
    await signInGuard.codeFailed({ ip: args.address })
    return { ok: false, error: accountError('code-rejected', args.locale) }
  }
  return { ok: true, stored }
}
