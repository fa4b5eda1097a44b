import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One email as Resend's API received it (POST /emails, JSON body). */
export interface ReceivedEmail {
  from: string
  to: string[]
  subject: string
  html: string
  text: string
  reply_to?: string[]
  idempotencyKey?: string
}

/**
 * A local stand-in for Resend's API speaking its protocol: `POST /emails` with a bearer key,
 * answering `{ id }`, or an error body `{ statusCode, name, message }` while `failNext` is above 0.
 * Like Resend, a repeated Idempotency-Key answers the first email's id and sends nothing again.
 */
export async function startFakeResend(): Promise<{ url: string; received: ReceivedEmail[]; duplicates: () => number; failNext: (n: number) => void; close: () => Promise<void> }> {
  const received: ReceivedEmail[] = []
  let failures = 0
  let duplicates = 0
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      res.setHeader('content-type', 'application/json')
      if (req.method !== 'POST' || req.url !== '/emails' || !req.headers.authorization?.startsWith('Bearer ')) {
        res.writeHead(404).end(JSON.stringify({ statusCode: 404, name: 'not_found', message: 'Not found' }))
        return
      }
      if (failures > 0) {
        failures -= 1
        res.writeHead(500).end(JSON.stringify({ statusCode: 500, name: 'internal_server_error', message: 'Temporary failure' }))
        return
      }
      const email = JSON.parse(body) as ReceivedEmail
      const key = req.headers['idempotency-key']
      const earlier = typeof key === 'string' ? received.findIndex((e) => e.idempotencyKey === key) : -1
      if (earlier !== -1) {
        duplicates += 1
        res.writeHead(200).end(JSON.stringify({ id: `re_${earlier + 1}` }))
        return
      }
      received.push({ ...email, to: [email.to].flat(), idempotencyKey: typeof key === 'string' ? key : undefined })
      res.writeHead(200).end(JSON.stringify({ id: `re_${received.length}` }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    duplicates: () => duplicates,
    failNext: (n) => (failures = n),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
