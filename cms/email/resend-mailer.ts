import type { Resend } from 'resend'

import { batchJournal, batchKey, type JournaledBatch, type OutgoingEmail } from './batch-journal'

/** Resend takes at most 100 emails in one batch request. */
export const MAX_BATCH = 100
/**
 * How long a send waits for others to share its request: short enough that one lead's email is not
 * held up. 0 sends every email on its own (the integration tests, which assert each email's own key).
 */
const WINDOW_MS = process.env.MAIL_BATCH_WINDOW_MS === undefined ? 25 : Number(process.env.MAIL_BATCH_WINDOW_MS)
/**
 * Whether Resend's refusal of a batch may concern one of its emails only (400 and 422: validation,
 * such as one bad address; 403: an address a test key may not send to), so that its emails are then
 * sent one by one. A refused API key refuses every email alike.
 */
function mayConcernOneEmail(error: unknown): boolean {
  return (
    error instanceof ResendRefused &&
    [400, 403, 422].includes(error.status ?? 0) &&
    !['invalid_api_key', 'restricted_api_key', 'missing_api_key'].includes(error.code ?? '')
  )
}
/** Waits longer than this for a 429's retry-after fail the attempt instead; the job's own backoff takes over. */
const MAX_WAIT_MS = 60_000

type Answer = {
  data: unknown
  error: { message: string; statusCode?: number | null; name?: string } | null
  headers?: Record<string, string> | null
}

/** An error Resend answered; `status` tells the job runner's log what happened. */
export class ResendRefused extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** Resend's name for the error (validation_error, invalid_api_key, …). */
    readonly code: string | null = null,
  ) {
    super(message)
    this.name = 'ResendRefused'
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Posts once, and again while Resend says 429 (too many requests, wait `retry-after` seconds) or
 * 409 (the same key is still being processed), or the connection failed before an answer (a
 * keep-alive socket the server had just closed): the same key makes a second post harmless. Any
 * other refusal throws.
 */
async function post(attempt: () => Promise<Answer>): Promise<unknown> {
  for (let waited = 0, unanswered = 0; ;) {
    const { data, error, headers } = await attempt()
    if (!error && data) return data
    const status = error?.statusCode ?? null
    const retryAfter = Number(headers?.['retry-after'])
    let wait = -1
    if (status === 429) wait = Number.isFinite(retryAfter) ? retryAfter * 1000 : 1000
    else if (status === 409 && error?.name === 'concurrent_idempotent_requests') wait = 200
    else if (status === null && unanswered++ < 2) wait = 50
    if (wait < 0 || waited + wait > MAX_WAIT_MS)
      throw new ResendRefused(
        `Resend refused the email${status ? ` (HTTP ${status})` : ''}: ${error?.message ?? 'no answer'}`,
        status,
        error?.name ?? null,
      )
    waited += wait
    await sleep(wait)
  }
}

/**
 * Sends emails through Resend, many to a request: sends arriving within a few milliseconds of each
 * other share one `POST /emails/batch` (up to 100) under a batch key; a lone email goes to
 * `POST /emails` under its own key. Each request is journaled before it is posted (./batch-journal.ts).
 * @example const mailer = resendMailer(new Resend(key), path.join(dataDir, 'mail-journal')); await mailer.send(email)
 */
export function resendMailer(resend: Resend, journalDir: string, { windowMs = WINDOW_MS }: { windowMs?: number } = {}) {
  const journal = batchJournal(journalDir)
  const answered = new Map<string, string>()
  const refused = new Map<string, unknown>()
  const inFlight = new Map<string, Promise<void>>()
  let pending: { email: OutgoingEmail; resolve: (id: string) => void; reject: (error: unknown) => void }[] = []
  let timer: NodeJS.Timeout | null = null

  /**
   * Posts a journaled request (again) with the same key and body, so Resend sends each email once at
   * most: a lone email to `POST /emails` under its own key, a group to `POST /emails/batch`. Settles
   * when every email of it is either answered (`answered`) or refused (`refused`).
   */
  const postJournaled = (batch: JournaledBatch) => {
    const running = inFlight.get(batch.key)
    if (running) return running
    const single = (email: OutgoingEmail) => {
      const { idempotencyKey, ...body } = email
      return post(() => resend.emails.send(body, { idempotencyKey }) as Promise<Answer>).then(
        (data) => void answered.set(idempotencyKey, (data as { id: string }).id),
        (error: unknown) => void refused.set(idempotencyKey, error),
      )
    }
    const together = async () => {
      const emails = batch.emails.map(({ idempotencyKey: _key, ...email }) => email)
      try {
        const ids = (
          (await post(() => resend.batch.send(emails, { idempotencyKey: batch.key }) as Promise<Answer>)) as { data: { id: string }[] }
        ).data
        batch.emails.forEach((email, i) => answered.set(email.idempotencyKey, ids[i]!.id))
      } catch (error) {
        // Resend validates a batch whole and sends none of it when one email is invalid (a bad
        // address): each is then sent on its own, under its own key, so the bad one fails alone.
        // Any other refusal (an outage, a wrong API key) would refuse each email the same way.
        if (!mayConcernOneEmail(error)) throw error
        await Promise.all(batch.emails.map(single))
      }
    }
    for (const email of batch.emails) refused.delete(email.idempotencyKey)
    const done = batch.emails.length === 1 ? single(batch.emails[0]!) : together()
    inFlight.set(batch.key, done)
    // Settled either way: a failed request is posted again, whole, by the retry of any of its emails.
    void done.then(
      () => inFlight.delete(batch.key),
      () => inFlight.delete(batch.key),
    )
    return done
  }

  /** Resend's answer for one email of a settled request: its id, or the refusal thrown. */
  const outcome = (email: OutgoingEmail, failure?: unknown): string => {
    const id = answered.get(email.idempotencyKey)
    if (id) return id
    throw refused.get(email.idempotencyKey) ?? failure
  }

  const flush = () => {
    timer = null
    const group = pending.slice(0, MAX_BATCH)
    pending = pending.slice(MAX_BATCH)
    if (pending.length) timer = setTimeout(flush, 0)
    const emails = group.map((item) => item.email)
    const batch = { key: emails.length === 1 ? emails[0]!.idempotencyKey : batchKey(emails), emails }
    try {
      // Before posting: once Resend may have the request, a retry must send exactly this request again.
      journal.write(batch)
    } catch (error) {
      for (const item of group) item.reject(error)
      return
    }
    const settle = (failure?: unknown) => {
      for (const item of group) {
        try {
          item.resolve(outcome(item.email, failure))
        } catch (error) {
          item.reject(error)
        }
      }
    }
    postJournaled(batch).then(() => settle(), settle)
  }

  return {
    /** Sends one email and answers Resend's id for it; throws when Resend refuses. */
    async send(email: OutgoingEmail): Promise<string> {
      const known = answered.get(email.idempotencyKey)
      if (known) return known
      const batch = journal.batchOf(email.idempotencyKey)
      if (batch) {
        await postJournaled(batch)
        return outcome(email)
      }
      return new Promise<string>((resolve, reject) => {
        pending.push({ email, resolve, reject })
        if (pending.length >= MAX_BATCH || windowMs <= 0) {
          if (timer) clearTimeout(timer)
          flush()
        } else timer ??= setTimeout(flush, windowMs)
      })
    },
  }
}
