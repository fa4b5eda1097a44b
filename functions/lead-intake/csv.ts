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
