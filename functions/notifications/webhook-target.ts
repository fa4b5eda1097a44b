// Where a webhook may post: a public address on the internet, never this machine, the private
// network or a cloud's metadata service (SSRF). Checked when an admin saves the URL and again when
// connecting, on the addresses DNS gave, so a name that later resolves inward is refused too.
import { BlockList, isIP } from 'node:net'

const inward = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  inward.addSubnet(net, bits, 'ipv4')
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  inward.addSubnet(net, bits, 'ipv6')

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 one (::ffff:127.0.0.1, ::ffff:7f00:1), or null. */
function embeddedIpv4(address: string): string | null {
  const match = /^::(?:ffff:(?:0:)?)?((?:\d+\.){3}\d+|[0-9a-f]{1,4}:[0-9a-f]{1,4})$/i.exec(address)
  if (!match) return null
  const tail = match[1]!
  if (tail.includes('.')) return tail
  const [high, low] = tail.split(':').map((part) => parseInt(part, 16)) as [number, number]
  return [high >> 8, high & 255, low >> 8, low & 255].join('.')
}

/**
 * Whether an IP address is on the public internet (not loopback, private, link-local, unique-local,
 * multicast, documentation or otherwise reserved); false for anything that is not an IP address.
 * @example isPublicAddress('169.254.169.254') // false
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(bare)
  if (family === 4) return !inward.check(bare, 'ipv4')
  if (family !== 6) return false
  const v4 = embeddedIpv4(bare)
  if (v4 !== null) return isIP(v4) === 4 && !inward.check(v4, 'ipv4')
  return !inward.check(bare, 'ipv6')
}

/**
 * The hosts a developer allows despite the rules (`WEBHOOK_ALLOW_HOSTS=127.0.0.1,crm.test`), lower case.
 * @example allowedWebhookHosts('127.0.0.1, CRM.test') // ['127.0.0.1', 'crm.test']
 */
export function allowedWebhookHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((host) =>
      host
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, ''),
    )
    .filter(Boolean)
}

/** The URL's host name as a socket would use it: lower case, IPv6 without brackets. */
export const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^\[|\]$/g, '')

/**
 * Why a webhook URL cannot be saved, or null when it can: http(s), no credentials, and not a name
 * or literal address of this machine or the private network (unless the host is allowed).
 * @example webhookUrlProblem('http://169.254.169.254/latest/meta-data', []) // 'The webhook must be …'
 */
export function webhookUrlProblem(value: unknown, allowHosts: readonly string[]): string | null {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/i.test(value)) return 'Enter an http(s) URL.'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'Enter an http(s) URL.'
  }
  if (url.username || url.password) return 'Put the credentials in the secret, not in the URL.'
  const host = hostOf(url)
  if (allowHosts.includes(host)) return null
  const named = isIP(host) === 0
  if (
    (named && /(^|\.)(localhost|local|internal|localdomain|home\.arpa)\.?$/.test(host)) ||
    (!named && !isPublicAddress(host)) ||
    (named && !host.includes('.'))
  ) {
    return 'The webhook must be a public address on the internet: not this machine, the private network or a cloud metadata service.'
  }
  return null
}
