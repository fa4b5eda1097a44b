import { isIP } from 'node:net'

/** One trusted range: an address family, its bits as a bigint, and how many leading bits must match. */
interface Range {
  family: 4 | 6
  bits: bigint
  prefix: number
}

/** Whose forwarded headers to believe (`TRUST_PROXY`); empty trusts nobody. */
export interface TrustedProxies {
  ranges: Range[]
}

/** Believes no forwarded header: the client is the connection's peer. */
export const TRUST_NOBODY: TrustedProxies = { ranges: [] }

const LOOPBACK = ['127.0.0.0/8', '::1/128']

/** An address as IPv4 when it is one written as IPv6 (`::ffff:10.0.0.1`), without a zone or brackets. */
export function plainAddress(address: string): string {
  let a = address.trim()
  if (a.startsWith('[') && a.includes(']')) a = a.slice(1, a.indexOf(']'))
  a = a.replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)
  return mapped ? mapped[1]! : a
}

function ipv4Groups(dotted: string): string {
  const [a, b, c, d] = dotted.split('.').map(Number) as [number, number, number, number]
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
}

function toBits(address: string): { family: 4 | 6; bits: bigint } | null {
  const a = plainAddress(address)
  const family = isIP(a)
  if (family === 4) return { family: 4, bits: a.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n) }
  if (family !== 6) return null
  // An embedded IPv4 tail (64:ff9b::1.2.3.4) is two groups written in dotted form.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(a)
  const text = v4 ? a.slice(0, -v4[1]!.length) + ipv4Groups(v4[1]!) : a
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null]
  const groups = (part: string | undefined) => (part ? part.split(':') : [])
  const all =
    tail === null
      ? groups(head)
      : [...groups(head), ...Array<string>(8 - groups(head).length - groups(tail).length).fill('0'), ...groups(tail)]
  return { family: 6, bits: all.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || '0', 16)), 0n) }
}

/**
 * Reads `TRUST_PROXY`: addresses and CIDR ranges separated by commas or spaces, or `loopback`.
 * Throws on an entry that is neither, so a typo stops the start instead of trusting nobody quietly.
 * @example parseTrustedProxies('loopback, 10.0.0.0/8')
 */
export function parseTrustedProxies(spec: string | undefined | null): TrustedProxies {
  const ranges: Range[] = []
  for (const entry of (spec ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .flatMap((e) => (e === 'loopback' ? LOOPBACK : [e]))) {
    const [address, prefixText] = entry.split('/')
    const parsed = toBits(address!)
    const width = parsed?.family === 4 ? 32 : 128
    const prefix = prefixText === undefined ? width : Number(prefixText)
    if (!parsed || !Number.isInteger(prefix) || prefix < 0 || prefix > width || (prefixText !== undefined && !/^\d+$/.test(prefixText))) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an address, a CIDR range or "loopback".`)
    }
    ranges.push({ family: parsed.family, bits: parsed.bits >> BigInt(width - prefix), prefix })
  }
  return { ranges }
}

/** Whether `address` is one of the trusted proxies. */
export function isTrustedProxy(address: string, trusted: TrustedProxies): boolean {
  if (trusted.ranges.length === 0) return false
  const parsed = toBits(address)
  if (!parsed) return false
  const width = parsed.family === 4 ? 32 : 128
  return trusted.ranges.some((r) => r.family === parsed.family && parsed.bits >> BigInt(width - r.prefix) === r.bits)
}

/**
 * The visitor's address: the connection's peer, unless that peer is a trusted proxy; then the
 * right-most `X-Forwarded-For` address that is not itself trusted. Addresses to the left of it were
 * written by whoever sent the request and prove nothing.
 * @example clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.9', parseTrustedProxies('loopback')) // '203.0.113.9'
 */
export function clientAddress(peer: string, forwardedFor: string | null | undefined, trusted: TrustedProxies): string {
  const direct = plainAddress(peer)
  if (!forwardedFor || !isTrustedProxy(direct, trusted)) return direct
  const hops = forwardedFor
    .split(',')
    .map((hop) => plainAddress(hop.replace(/^"|"$/g, '')))
    .filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!
    // A hop that is not an address (garbage, "unknown") ends what can be believed: the last trusted hop's view stands.
    if (!isIP(hop)) return hops[i + 1] ?? direct
    if (!isTrustedProxy(hop, trusted)) return hop
  }
  return hops[0] ?? direct
}
