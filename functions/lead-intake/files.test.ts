import { describe, expect, it } from 'vitest'

import { safeFilename, sniffFile } from './files'

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)))

describe('sniffFile', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['a PDF', bytes('%PDF-1.7\n'), 'pdf application/pdf'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image image/png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image image/jpeg'],
    ['a WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image image/webp'],
    ['a docx (zip)', bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]), 'office application/zip'],
    ['UTF-8 text', bytes('名单 list\n'), 'text text/plain'],
    ['an executable', bytes([0x4d, 0x5a, 0x90, 0x00]), null],
    ['binary with NULs', bytes([0x41, 0x00, 0x42]), null],
    ['nothing', bytes(), null],
  ])('%s is %s', (_, content, expected) => {
    const sniffed = sniffFile(content)
    expect(sniffed ? `${sniffed.kind} ${sniffed.mimeType}` : null).toBe(expected)
  })
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\li\\方案.pdf', '方案.pdf'],
    ['a<b>"c".pdf', 'abc.pdf'],
    ['..', 'file'],
    ['', 'file'],
  ])('safeFilename(%j) is %j', (input, expected) => expect(safeFilename(input)).toBe(expected))
})
