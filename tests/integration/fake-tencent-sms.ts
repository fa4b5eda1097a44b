import { createHash, createHmac, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One SendSms request as Tencent Cloud's API received it (API 3.0, version 2021-01-11). */
export interface ReceivedSms {
  PhoneNumberSet: string[]
  SmsSdkAppId: string
  SignName: string
  TemplateId: string
  TemplateParamSet: string[]
  region: string | undefined
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

/**
 * Checks a TC3-HMAC-SHA256 signature as Tencent Cloud's API gateway does, written from its published
 * algorithm (not from the SDK): the canonical request over the signed headers and the body's hash,
 * the credential scope date/service/tc3_request, and the key chain TC3+key → date → service → tc3_request.
 * Answers the error code the gateway would, or null when the signature holds.
 */
function checkSignature(req: IncomingMessage, body: Buffer, keys: Map<string, string>, now: number): string | null {
  const auth =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      req.headers.authorization ?? '',
    )
  if (!auth) return 'AuthFailure.InvalidAuthorization'
  const [, secretId, date, service, signedHeaders, signature] = auth
  // Every group of the pattern matches at least one character; this narrows them for the compiler.
  if (!secretId || !date || !service || !signedHeaders || !signature) return 'AuthFailure.InvalidAuthorization'
  const secretKey = keys.get(secretId)
  if (!secretKey) return 'AuthFailure.SecretIdNotFound'
  const timestamp = Number(req.headers['x-tc-timestamp'])
  // The gateway refuses a request signed more than five minutes away from its clock.
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > 300) return 'AuthFailure.SignatureExpire'
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'AuthFailure.SignatureFailure'
  const host = (req.headers.host ?? '').replace(/:\d+$/, '')
  // The service is named by the endpoint's first label (sms.tencentcloudapi.com → sms): here, this stand-in's host.
  if (service !== host.split('.')[0]) return 'AuthFailure.SignatureFailure'
  const headerValue = (name: string) => (name === 'host' ? host : String(req.headers[name] ?? '')).trim().toLowerCase()
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((name) => `${name}:${headerValue(name)}\n`)
    .join('')
  const url = new URL(req.url ?? '/', 'http://stand-in')
  const canonicalRequest = [req.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, sha256(body)].join('\n')
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256(canonicalRequest)].join('\n')
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request')
  return createHmac('sha256', signingKey).update(stringToSign).digest('hex') === signature ? null : 'AuthFailure.SignatureFailure'
}

/**
 * A local stand-in for Tencent Cloud SMS's `SendSms` (POST /, JSON, X-TC-Action and X-TC-Version
 * headers, TC3-HMAC-SHA256 signature). Answers `{ Response: { SendStatusSet, RequestId } }` or,
 * for a refused request, `{ Response: { Error: { Code, Message }, RequestId } }` with HTTP 200 as
 * the real API does. `refuseNumber` makes the next text to a number fail with a per-number code.
 */
export async function startFakeTencentSms(keys: Record<string, string>) {
  const received: ReceivedSms[] = []
  const refusals = new Map<string, string>()
  const secrets = new Map(Object.entries(keys))
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const RequestId = randomUUID()
      const answer = (Response: Record<string, unknown>) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Response: { ...Response, RequestId } }))
      const error = (Code: string, Message: string) => answer({ Error: { Code, Message } })
      if (req.method !== 'POST') return error('UnsupportedOperation', 'Only POST is served here.')
      const failed = checkSignature(req, body, secrets, Date.now())
      if (failed) return error(failed, 'The request signature we calculated does not match the signature you provided.')
      if (req.headers['x-tc-action'] !== 'SendSms') return error('InvalidAction', 'The action requested is invalid.')
      if (req.headers['x-tc-version'] !== '2021-01-11') return error('NoSuchVersion', 'The API version does not exist.')
      let sms: ReceivedSms
      try {
        sms = { ...(JSON.parse(body.toString('utf8')) as ReceivedSms), region: req.headers['x-tc-region'] as string | undefined }
      } catch {
        return error('InvalidParameter', 'The body is not JSON.')
      }
      if (!Array.isArray(sms.PhoneNumberSet) || !sms.SmsSdkAppId || !sms.TemplateId)
        return error('MissingParameter', 'PhoneNumberSet, SmsSdkAppId and TemplateId are required.')
      received.push(sms)
      answer({
        SendStatusSet: sms.PhoneNumberSet.map((PhoneNumber) => {
          const refused = refusals.get(PhoneNumber)
          refusals.delete(PhoneNumber)
          return refused
            ? { SerialNo: '', PhoneNumber, Fee: 0, SessionContext: '', Code: refused, Message: 'refused by the stand-in', IsoCode: 'CN' }
            : {
                SerialNo: `2640:${randomUUID()}`,
                PhoneNumber,
                Fee: 1,
                SessionContext: '',
                Code: 'Ok',
                Message: 'send success',
                IsoCode: 'CN',
              }
        }),
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    refuseNumber: (phone: string, code: string) => refusals.set(phone, code),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
