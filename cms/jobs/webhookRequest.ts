import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'

import { allowedWebhookHosts, hostOf, isPublicAddress } from '../../functions/notifications/webhook-target'

/** The webhook's host is (or resolved to) an address of this machine or the private network. */
export class InwardAddressError extends Error {
  override name = 'InwardAddressError'
  code = 'EINWARD'
  constructor() {
    super(
      'Refused: the webhook host is or resolves to a loopback, private or link-local address. ' +
        'An admin should enter a public URL (WEBHOOK_ALLOW_HOSTS allows a host for development).',
    )
  }
}

/** A DNS lookup for the socket that refuses to hand it any address that is not public. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4)
    const list = addresses as LookupAddress[]
    // Every address must be public: one inward answer among public ones could be the one dialled.
    if (!list.length || list.some((a) => !isPublicAddress(a.address))) return callback(new InwardAddressError(), '', 4)
    if (options.all) return callback(null, list)
    callback(null, list[0]!.address, list[0]!.family)
  })
}

/**
 * POSTs a body and answers the status code only. The socket connects only to a public address
 * (checked after DNS, on the address actually dialled) unless the host is in WEBHOOK_ALLOW_HOSTS;
 * redirects are not followed; the answer's body is discarded unread.
 */
export function postWebhook(target: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
  const url = new URL(target)
  const allowed = allowedWebhookHosts(process.env.WEBHOOK_ALLOW_HOSTS).includes(hostOf(url))
  // A literal IP address never goes through lookup: it is checked here.
  if (!allowed && isIP(hostOf(url)) !== 0 && !isPublicAddress(hostOf(url))) return Promise.reject(new InwardAddressError())
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: allowed ? undefined : publicOnlyLookup,
        timeout: timeoutMs,
      },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      },
    )
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error(`No answer within ${timeoutMs / 1000} s`), { name: 'TimeoutError' })),
    )
    request.on('error', reject)
    request.end(body)
  })
}
