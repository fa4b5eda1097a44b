/** A column of a CSV export: the key read from each row and its header. */
export interface CsvColumn {
  key: string
  header: string
}

function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
  // A cell starting like a formula would run in a spreadsheet (CSV injection): make it text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Rows as RFC 4180 CSV with a byte-order mark, so spreadsheet programs read Chinese correctly.
 * @example toCsv([{ email: 'a@b.co' }], [{ key: 'email', header: 'Email' }]) // '\uFEFFEmail\r\na@b.co\r\n'
 */
export function toCsv(rows: Record<string, unknown>[], columns: CsvColumn[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(','), ...rows.map((row) => columns.map((c) => cell(row[c.key])).join(','))]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/**
 * RFC 4180 CSV as rows of cells: quoted cells may hold commas, quotes ("") and line breaks; CRLF or
 * LF ends a row; a leading byte-order mark is dropped. A quote left open runs to the end of the text.
 * @example parseCsv('email,name\r\n"a@b.co","Li, Lei"\r\n') // [['email', 'name'], ['a@b.co', 'Li, Lei']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cellText = ''
  let quoted = false
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text
  const endCell = () => {
    row.push(cellText)
    cellText = ''
  }
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (quoted) {
      if (c !== '"') cellText += c
      else if (source[i + 1] === '"') {
        cellText += '"'
        i++
      } else quoted = false
    } else if (c === '"') quoted = true
    else if (c === ',') endCell()
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++
      endCell()
      rows.push(row)
      row = []
    } else cellText += c
  }
  if (cellText !== '' || row.length) rows.push([...row, cellText])
  return rows
}
