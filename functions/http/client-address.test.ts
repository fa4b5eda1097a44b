import { describe, expect, it } from 'vitest'

import { clientAddress, isTrustedProxy, parseTrustedProxies, TRUST_NOBODY } from './client-address'

describe('clientAddress', () => {
  const loopback = parseTrustedProxies('loopback')
  const lan = parseTrustedProxies('10.0.0.0/8, 192.168.1.7 fd00::/8')
  it.each([
    // [peer, X-Forwarded-For, trusted, client]
    ['203.0.113.9', '1.2.3.4', TRUST_NOBODY, '203.0.113.9'],
    ['127.0.0.1', '1.2.3.4', TRUST_NOBODY, '127.0.0.1'],
    ['127.0.0.1', '203.0.113.9', loopback, '203.0.113.9'],
    ['::ffff:127.0.0.1', '203.0.113.9', loopback, '203.0.113.9'],
    ['::1', '2001:db8::5', loopback, '2001:db8::5'],
    // A forged left part is ignored: the right-most untrusted hop is the client.
    ['127.0.0.1', '6.6.6.6, 203.0.113.9', loopback, '203.0.113.9'],
    ['10.1.2.3', '6.6.6.6, 203.0.113.9, 10.9.9.9', lan, '203.0.113.9'],
    ['192.168.1.7', '198.51.100.1', lan, '198.51.100.1'],
    ['192.168.1.8', '198.51.100.1', lan, '192.168.1.8'],
    ['fd12::1', '198.51.100.1', lan, '198.51.100.1'],
    // Every hop trusted: the left-most is as far as anyone can see.
    ['127.0.0.1', '127.0.0.5, 127.0.0.9', loopback, '127.0.0.5'],
    // Garbage stops the walk at the last address a trusted proxy vouched for.
    ['127.0.0.1', 'not-an-ip, 203.0.113.9', loopback, '203.0.113.9'],
    ['127.0.0.1', '203.0.113.9, unknown', loopback, '127.0.0.1'],
    ['127.0.0.1', '', loopback, '127.0.0.1'],
    ['127.0.0.1', null, loopback, '127.0.0.1'],
  ])('peer %s, forwarded %j → %s', (peer, forwarded, trusted, expected) => {
    expect(clientAddress(peer as string, forwarded as string | null, trusted as typeof loopback)).toBe(expected)
  })
})

describe('parseTrustedProxies', () => {
  it('reads addresses, ranges and loopback', () => {
    const trusted = parseTrustedProxies('loopback 10.0.0.0/8,2001:db8::/32, 64:ff9b::1.2.3.4')
    expect(isTrustedProxy('127.8.8.8', trusted)).toBe(true)
    expect(isTrustedProxy('10.200.0.1', trusted)).toBe(true)
    expect(isTrustedProxy('11.0.0.1', trusted)).toBe(false)
    expect(isTrustedProxy('2001:db8:ffff::1', trusted)).toBe(true)
    expect(isTrustedProxy('2001:db9::1', trusted)).toBe(false)
    expect(isTrustedProxy('64:ff9b::102:304', trusted)).toBe(true)
    expect(isTrustedProxy('::1', trusted)).toBe(true)
  })
  it('trusts nobody when unset', () => {
    expect(parseTrustedProxies(undefined).ranges).toEqual([])
    expect(parseTrustedProxies('').ranges).toEqual([])
  })
  it.each(['localhost', '10.0.0.0/33', '10.0.0.0/x', '1.2.3', '::1/129'])('refuses %s', (spec) => {
    expect(() => parseTrustedProxies(spec)).toThrow(`TRUST_PROXY: "${spec}" is not an address, a CIDR range or "loopback".`)
  })
})
