// The address a per-address limit counts (functions/members/throttle.ts counts, this decides what
// one address is): IPv4 as it is, IPv6 by its /64.

function ipv4(text: string): string | null {
  const parts = text.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null
  return parts.map(Number).join('.')
}

/** The eight hextets of an IPv6 address, as numbers, or null. */
function ipv6(text: string): number[] | null {
  const halves = text.split('::')
  if (halves.length > 2) return null
  const parse = (part: string): number[] | null => {
    if (part === '') return []
    const out: number[] = []
    const pieces = part.split(':')
    for (const [i, piece] of pieces.entries()) {
      // An IPv4 tail (::ffff:192.0.2.1, 64:ff9b::192.0.2.1) stands for the last two hextets.
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = ipv4(piece)
        if (!v4) return null
        const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number]
        out.push(a * 256 + b, c * 256 + d)
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16))
      } else {
        return null
      }
    }
    return out
  }
  const head = parse(halves[0]!)
  const tail = halves.length === 2 ? parse(halves[1]!) : []
  if (!head || !tail) return null
  if (halves.length === 1) return head.length === 8 ? head : null
  const fill = 8 - head.length - tail.length
  return fill >= 1 ? [...head, ...Array<number>(fill).fill(0), ...tail] : null
}

/**
 * The address a per-address limit counts: an IPv4 address as it is, an IPv6 address by its /64
 * (one subscriber's whole network, which they can rotate through freely), an IPv4-mapped IPv6
 * address as its IPv4. Null for anything that is not an address. Hash the result before storing it.
 * @example throttleAddress('2001:db8:0:1:abcd::7') // '2001:db8:0:1::/64'
 */
export function throttleAddress(ip: unknown): string | null {
  if (typeof ip !== 'string' || ip.length > 64) return null
  const address = ip
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '')
    .toLowerCase()
  if (!address.includes(':')) return ipv4(address)
  const hextets = ipv6(address)
  if (!hextets) return null
  if (hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff) {
    return [hextets[6]! >> 8, hextets[6]! & 255, hextets[7]! >> 8, hextets[7]! & 255].join('.')
  }
  return `${hextets
    .slice(0, 4)
    .map((h) => h.toString(16))
    .join(':')}::/64`
}
