/** The most bytes a PDF's end-of-file marker may sit from its end (writers add a newline or two; 1024 per the spec's readers). */
const TRAILER_WINDOW = 1024

/**
 * Whether bytes are a PDF by their content, not their name: the `%PDF-1.x`/`%PDF-2.0` header at
 * the start and the `%%EOF` marker near the end (a truncated or renamed file has neither).
 * @example isPdf(Buffer.from('%PDF-1.4\n…\n%%EOF\n')) // true
 */
export function isPdf(head: Uint8Array, tail: Uint8Array = head): boolean {
  const start = Buffer.from(head.subarray(0, 8)).toString('latin1')
  if (!/^%PDF-[12]\.\d/.test(start)) return false
  const end = Buffer.from(tail.subarray(Math.max(0, tail.length - TRAILER_WINDOW))).toString('latin1')
  return end.includes('%%EOF')
}

/** How many bytes of each end of a file isPdf needs. */
export const PDF_PROBE_BYTES = TRAILER_WINDOW

const escapeText = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?')

/**
 * A small valid one-page PDF of lines of text in Helvetica (ASCII only), with a correct
 * cross-reference table: enough for a seed's white paper or a test's document.
 * @example writeSimplePdf('Brand strategy', ['Own the place where customers land.'])
 */
export function writeSimplePdf(title: string, lines: string[]): Buffer {
  const text = [title, '', ...lines]
    .map((line, i) => `BT /F1 ${i === 0 ? 20 : 12} Tf 56 ${760 - i * 20} Td (${escapeText(line)}) Tj ET`)
    .join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    `<< /Title (${escapeText(title)}) >>`,
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
