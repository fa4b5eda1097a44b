import { type CsvColumn, toCsv } from '../lead-intake/csv'
import type { FunnelReport, FunnelRow } from './funnel'

// Shares as fractions rounded to 4 places (0.1235 = 12.35%): spreadsheets format them as they like.
const share = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000)

/**
 * The report as CSV: a header, one line per row in the report's order, then the total. The key
 * column is the stored value (empty for none and for the total), the name the one shown.
 * @example funnelCsv(report)
 *   // '\uFEFFchannel,name,visits,leads,added,members,won,visit_to_lead,lead_to_added,lead_to_member,lead_to_won\r\n
 *   //   wechat,WeChat,40,4,2,1,1,0.1,0.5,0.25,0.25\r\n…'
 */
export function funnelCsv(report: FunnelReport): string {
  const columns: CsvColumn[] = [
    { key: 'key', header: report.query.group },
    { key: 'label', header: 'name' },
    ...(report.hasClicks ? [{ key: 'clicks', header: 'clicks' }] : []),
    ...['visits', 'leads', 'added', 'members', 'won'].map((key) => ({ key, header: key })),
    { key: 'visitToLead', header: 'visit_to_lead' },
    { key: 'leadToAdded', header: 'lead_to_added' },
    { key: 'leadToMember', header: 'lead_to_member' },
    { key: 'leadToWon', header: 'lead_to_won' },
  ]
  const line = (row: FunnelRow) => ({
    ...row,
    visitToLead: share(row.visitToLead),
    leadToAdded: share(row.leadToAdded),
    leadToMember: share(row.leadToMember),
    leadToWon: share(row.leadToWon),
  })
  return toCsv([...report.rows, report.total].map(line), columns)
}

/**
 * A file name that says what the export holds.
 * @example funnelCsvFilename(report) // 'funnel-channel-first-touch-2026-03-01-to-2026-03-31.csv'
 */
export function funnelCsvFilename(report: FunnelReport): string {
  const { group, model, range } = report.query
  return `funnel-${group}-${model}-touch-${range.from}-to-${range.to}.csv`
}
