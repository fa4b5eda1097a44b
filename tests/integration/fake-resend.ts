import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One email as Resend's API received it (POST /emails, or one item of POST /emails/batch). */
export interface ReceivedEmail {
  from: string
  to: string[]
  subject: string
  html: string
  text: string
  reply_to?: string[]
  /** Custom headers, as Resend's `headers` field carries them (List-Unsubscribe and the like). */
  headers?: Record<string, string>
  idempotencyKey?: string
}

const digest = (body: string) => createHash('sha256').update(body).digest('hex')

/** Resend keeps an idempotency key for 24 hours. */
const KEY_TTL_MS = 24 * 60 * 60 * 1000
/** Resend takes at most 100 emails in one batch request. */
const MAX_BATCH = 100

/** Resend's answer to a `to` it cannot send to (HTTP 422, name validation_error). */
const INVALID_TO = 'Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.'

/** Whether every `to` of an email is an address Resend would take: one @, a dotted domain without empty labels. */
function validRecipients(email: Pick<ReceivedEmail, 'to'>): boolean {
  return [email.to].flat().every((address) => /^[^\s@<>]+@[^\s@<>.]+(\.[^\s@<>.]+)+$/.test(String(address).replace(/^.*<(.*)>$/, '$1')))
}

interface Remembered {
  /** SHA-256 of the request's body: enough to tell the same request from another. */
  body: string
  status: number
  answer: string
  at: number
}

/** What the stand-in does with the next requests: answer normally, fail, or ask the sender to slow down. */
export interface FakeResendControls {
  /** The next `n` requests answer 500 (a passing failure). */
  failNext: (n: number) => void
  /** Until called again with false, every request answers 503 (an outage). */
  outage: (down: boolean) => void
  /** Every request answers 503 for the next `ms` milliseconds (an outage that ends by itself); answers when it ends. */
  outageFor: (ms: number) => Promise<void>
  /** The next `n` requests answer 429 with `retry-after: seconds`. */
  throttleNext: (n: number, seconds: number) => void
  /**
   * Holds every request, once read, unanswered until `release()`: a sender stopped meanwhile never
   * learns that its emails were accepted, as when a worker dies while Resend is answering.
   */
  hold: () => void
  /**
   * Lets `n` more batch requests through, then holds every later request as `hold()` does: a
   * broadcast's sender is caught in the middle of its send, with `n` batches accepted.
   */
  holdAfterBatches: (n: number) => void
  /** Handles the held requests (as if they had just arrived) and stops holding. */
  release: () => void
  /** How many requests are held now. */
  holding: () => number
}

/**
 * A local stand-in for Resend's API speaking its protocol: `POST /emails` and `POST /emails/batch`
 * (up to 100) with a bearer key, answering `{ id }` and `{ data: [{ id }] }`, or an error body
 * `{ statusCode, name, message }`. Like Resend, a repeated Idempotency-Key within 24 hours answers
 * the first request's answer and sends nothing again; the same key with another body answers 409.
 * `now` moves the stand-in's clock (the 24 hours) without waiting.
 */
export async function startFakeResend({
  now = () => Date.now(),
  requestsPerSecond = Infinity,
  keepBodies = true,
}: {
  now?: () => number
  /** Resend's rate limit: beyond this many requests in the last second, 429 with `retry-after: 1`. */
  requestsPerSecond?: number
  /** False keeps only each email's recipients and subject (a bench's 100,000 emails would not fit). */
  keepBodies?: boolean
} = {}): Promise<
  FakeResendControls & {
    url: string
    received: ReceivedEmail[]
    /** Requests answered from an earlier one with the same key. */
    duplicates: () => number
    /** Requests answered with an error (500, 503, 429, or 422 for an invalid address). */
    refusals: () => number
    /** Batch requests accepted, with their sizes. */
    batches: number[]
    close: () => Promise<void>
  }
> {
  const received: ReceivedEmail[] = []
  const batches: number[] = []
  const keys = new Map<string, Remembered>()
  let failures = 0
  let down = false
  let downUntil = 0
  let throttled = 0
  let retryAfter = 1
  let duplicates = 0
  let refusals = 0
  let holding = false
  let holdAfter: number | null = null
  const recent: number[] = []
  let held: (() => void)[] = []

  const send = (res: ServerResponse, status: number, answer: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
  const refuse = (res: ServerResponse, status: number, name: string, message: string, headers: Record<string, string> = {}) => {
    refusals += 1
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ statusCode: status, name, message }))
  }
  const accept = (email: ReceivedEmail, key: string | undefined): { id: string } => {
    const to = [email.to].flat()
    received.push(keepBodies ? { ...email, to, idempotencyKey: key } : { from: email.from, to, subject: email.subject, html: '', text: '' })
    return { id: `re_${received.length}` }
  }

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const path = req.url ?? ''
    if (req.method !== 'POST' || (path !== '/emails' && path !== '/emails/batch')) return refuse(res, 404, 'not_found', 'Not found')
    if (!req.headers.authorization?.startsWith('Bearer '))
      return refuse(res, 401, 'missing_api_key', 'Missing API key in the authorization header.')
    if (!req.headers.authorization.startsWith('Bearer re_')) return refuse(res, 403, 'invalid_api_key', 'API key is invalid')
    if (down || now() < downUntil) return refuse(res, 503, 'service_unavailable', 'Service unavailable')
    if (failures > 0) {
      failures -= 1
      return refuse(res, 500, 'internal_server_error', 'Temporary failure')
    }
    while (recent.length && recent[0]! <= now() - 1000) recent.shift()
    if (recent.length >= requestsPerSecond)
      return refuse(res, 429, 'rate_limit_exceeded', `Too many requests. You can only make ${requestsPerSecond} requests per second.`, {
        'retry-after': '1',
      })
    recent.push(now())
    if (throttled > 0) {
      throttled -= 1
      return refuse(res, 429, 'rate_limit_exceeded', 'Too many requests. You can only make 2 requests per second.', {
        'retry-after': String(retryAfter),
      })
    }
    const header = req.headers['idempotency-key']
    const key = typeof header === 'string' ? `${path} ${header}` : undefined
    const earlier = key ? keys.get(key) : undefined
    if (earlier && now() - earlier.at < KEY_TTL_MS) {
      if (earlier.body !== digest(body))
        return refuse(
          res,
          409,
          'invalid_idempotent_request',
          'Same idempotency key used with a different request payload. Change your idempotency key or payload.',
        )
      duplicates += 1
      return res.writeHead(earlier.status, { 'content-type': 'application/json' }).end(earlier.answer)
    }
    let answer: unknown
    if (path === '/emails') {
      const email = JSON.parse(body) as ReceivedEmail
      if (!validRecipients(email)) return refuse(res, 422, 'validation_error', INVALID_TO)
      answer = accept(email, typeof header === 'string' ? header : undefined)
    } else {
      const emails = JSON.parse(body) as ReceivedEmail[]
      if (!Array.isArray(emails) || emails.length === 0 || emails.length > MAX_BATCH)
        return refuse(res, 422, 'validation_error', `A batch holds 1 to ${MAX_BATCH} emails.`)
      // Resend's default (strict) batch validation: one invalid email refuses the whole batch, and none of it is sent.
      if (!emails.every(validRecipients)) return refuse(res, 422, 'validation_error', INVALID_TO)
      batches.push(emails.length)
      answer = { data: emails.map((email) => accept(email, typeof header === 'string' ? header : undefined)) }
    }
    if (key) keys.set(key, { body: digest(body), status: 200, answer: JSON.stringify(answer), at: now() })
    send(res, 200, answer)
  }

  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      if (holdAfter !== null && batches.length >= holdAfter) holding = true
      if (holding) held.push(() => handle(req, res, body))
      else handle(req, res, body)
    })
  })
  // Resend keeps idle connections open longer than Node's 5 s default; a broadcast's sender may pause
  // that long between two batches (writing delivery rows on a loaded machine).
  server.keepAliveTimeout = 120_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    batches,
    duplicates: () => duplicates,
    refusals: () => refusals,
    failNext: (n) => (failures = n),
    outage: (value) => (down = value),
    outageFor: (ms) => {
      downUntil = now() + ms
      return new Promise((resolve) => setTimeout(resolve, ms))
    },
    throttleNext: (n, seconds) => {
      throttled = n
      retryAfter = seconds
    },
    hold: () => (holding = true),
    holdAfterBatches: (n) => (holdAfter = batches.length + n),
    release: () => {
      holding = false
      holdAfter = null
      const waiting = held
      held = []
      for (const run of waiting) run()
    },
    holding: () => held.length,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
