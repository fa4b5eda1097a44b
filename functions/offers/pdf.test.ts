import { describe, expect, it } from 'vitest'

import { isPdf, writeSimplePdf } from './pdf'

describe('PDFs by their bytes', () => {
  const pdf = writeSimplePdf('White paper', ['Own the place where customers land.'])

  it('writes a PDF whose cross-reference offsets point at its objects', () => {
    const text = pdf.toString('latin1')
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]))
    expect(offsets).toHaveLength(6)
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`))
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1])
    expect(text.slice(startxref, startxref + 4)).toBe('xref')
  })

  it.each([
    ['a PDF', pdf, true],
    ['a PDF cut short', pdf.subarray(0, pdf.length - 200), false],
    ['text renamed .pdf', Buffer.from('Not a PDF at all.\n%%EOF\n'), false],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), false],
    ['the header alone', Buffer.from('%PDF-1.7\n'), false],
    ['an HTML page claiming to be a PDF', Buffer.from('<html>%PDF-1.4 %%EOF</html>'), false],
    ['nothing', Buffer.alloc(0), false],
  ])('tells %s', (_, bytes, expected) => {
    expect(isPdf(bytes)).toBe(expected)
  })
})
