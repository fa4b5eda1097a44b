import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { describe, expect, it } from 'vitest'

import { chooseEncoding, encodeBody, etagOf, notModified } from './compression'

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=1.0', 'br'],
    ['identity', 'identity'],
    ['', 'identity'],
    [null, 'identity'],
    ['deflate', 'identity'],
    ['GZIP', 'gzip'],
  ])('%j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected)
  })
})

describe('encodeBody', () => {
  const html = new TextEncoder().encode(`<!doctype html><p>${'品牌 brand '.repeat(400)}</p>`)
  it('compresses once into both encodings that decode to the same bytes', () => {
    const body = encodeBody(html)
    expect(new Uint8Array(brotliDecompressSync(body.br))).toEqual(html)
    expect(new Uint8Array(gunzipSync(body.gzip))).toEqual(html)
    expect(body.br.byteLength).toBeLessThan(html.byteLength / 5)
  })
  it('gives each encoding its own validator, and one for the same bytes every time', () => {
    const body = encodeBody(html)
    expect(new Set([etagOf(body, 'br'), etagOf(body, 'gzip'), etagOf(body, 'identity')]).size).toBe(3)
    expect(encodeBody(html).etag).toBe(body.etag)
  })
  it('leaves a small body as it is', () => {
    const body = encodeBody(new TextEncoder().encode('User-agent: *'))
    expect(body.br).toBe(body.identity)
    expect(etagOf(body, 'br')).toBe(body.etag)
  })
})

describe('notModified', () => {
  it.each([
    ['"abc"', '"abc"', true],
    ['W/"abc"', '"abc"', true],
    ['"x", "abc"', '"abc"', true],
    ['*', '"abc"', true],
    ['"abd"', '"abc"', false],
    [null, '"abc"', false],
  ])('%j vs %s → %s', (header, etag, expected) => {
    expect(notModified(header, etag)).toBe(expected)
  })
})
