import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One email of a batch as Resend's API received it (POST /emails/batch, a JSON array). */
export interface BatchEmail {
  from: string
  to: string[]
  subject: string
  html: string
  text: string
  headers?: Record<string, string>
  idempotencyKey: string
}

/**
 * A local stand-in for Resend's batch endpoint speaking its protocol: `POST /emails/batch` with a
 * bearer key and an array of at most 100 emails, answering `{ data: [{ id }] }`. Like Resend, a
 * repeated Idempotency-Key answers the first request's ids and sends nothing again. It can answer
 * 429 with `retry-after`, and accept a batch but drop the connection before answering (the sender
 * killed, or its answer lost, after Resend took the batch).
 */
export async function startFakeResendBatch() {
  const received: BatchEmail[] = []
  const ids: string[] = []
  const answered = new Map<string, { id: string }[]>()
  let requests = 0
  let duplicates = 0
  let rateLimited = 0
  let dropAfterAccepting: number | null = null
  let accepted = 0
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      requests += 1
      res.setHeader('content-type', 'application/json')
      if (req.method !== 'POST' || req.url !== '/emails/batch' || !req.headers.authorization?.startsWith('Bearer ')) {
        return void res.writeHead(404).end(JSON.stringify({ statusCode: 404, name: 'not_found', message: 'Not found' }))
      }
      if (rateLimited > 0) {
        rateLimited -= 1
        return void res
          .writeHead(429, { 'retry-after': '0' })
          .end(JSON.stringify({ statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' }))
      }
      const emails = JSON.parse(body) as Omit<BatchEmail, 'idempotencyKey'>[]
      if (!Array.isArray(emails) || emails.length > 100)
        return void res.writeHead(422).end(JSON.stringify({ statusCode: 422, name: 'validation_error', message: 'At most 100 emails' }))
      const key = String(req.headers['idempotency-key'] ?? '')
      const earlier = answered.get(key)
      if (key && earlier) {
        duplicates += 1
        return void res.writeHead(200).end(JSON.stringify({ data: earlier }))
      }
      const answer = emails.map((email) => {
        // Resend's ids are unique across every request, so events map back to one email.
        const id = randomUUID()
        received.push({ ...email, to: [email.to].flat(), idempotencyKey: key })
        ids.push(id)
        return { id }
      })
      if (key) answered.set(key, answer)
      accepted += 1
      if (dropAfterAccepting !== null && accepted === dropAfterAccepting) return void res.destroy()
      res.writeHead(200).end(JSON.stringify({ data: answer }))
    })
  })
  // Slow steps between batches (a loaded machine writing delivery rows) must not find the kept-alive
  // connection closed under the client's feet; Resend's own servers keep connections longer than Node's 5 s.
  server.keepAliveTimeout = 120_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    /** The id answered for each email of `received`, in the same order. */
    ids,
    requests: () => requests,
    duplicates: () => duplicates,
    /** Answers the next `n` requests with 429 and `retry-after: 0`. */
    rateLimitNext: (n: number) => (rateLimited = n),
    /** Takes the `n`-th accepted batch (counted from now), then drops the connection without answering. */
    dropAfterAccepting: (n: number | null) => {
      accepted = 0
      dropAfterAccepting = n
    },
    reset: () => {
      received.length = 0
      ids.length = 0
      answered.clear()
      requests = duplicates = 0
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
