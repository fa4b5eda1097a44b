// React in scope: the bench renders this with tsx, which compiles JSX to React.createElement.
import React from 'react'

import {
  FUNNEL_RATES,
  FUNNEL_STEPS,
  type FunnelReport,
  type FunnelRow,
  funnelSearch,
  type FunnelSortKey,
} from '../../../functions/attribution'
import type { FunnelText } from '../../funnel'

const cell = {
  padding: '6px 10px',
  borderBottom: '1px solid var(--theme-elevation-150)',
  textAlign: 'right' as const,
  whiteSpace: 'nowrap' as const,
}
const nameCell = { ...cell, textAlign: 'left' as const, whiteSpace: 'normal' as const, maxWidth: 360 }

/** The report's rows and total as a table whose headings re-sort it (largest first on the first click). */
export function FunnelTable({ report, text, path, language }: { report: FunnelReport; text: FunnelText; path: string; language: string }) {
  const { query } = report
  const count = new Intl.NumberFormat(language)
  const share = new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const columns: { key: FunnelSortKey; label: string; value: (row: FunnelRow) => string }[] = [
    ...(report.hasClicks ? [{ key: 'clicks' as const, label: text.clicks, value: (row: FunnelRow) => count.format(row.clicks ?? 0) }] : []),
    ...FUNNEL_STEPS.map((step) => ({ key: step, label: text.steps[step], value: (row: FunnelRow) => count.format(row[step]) })),
    // No denominator, no rate: a dash rather than 0% or a division by zero.
    ...FUNNEL_RATES.map((rate) => ({
      key: rate,
      label: text.rates[rate],
      value: (row: FunnelRow) => (row[rate] === null ? '–' : share.format(row[rate])),
    })),
  ]
  const heading = (key: FunnelSortKey, label: string, style: object) => {
    const current = query.sort.by === key
    const dir = current ? (query.sort.dir === 'desc' ? 'asc' : 'desc') : key === 'name' ? 'asc' : 'desc'
    return (
      <th
        key={key}
        style={{ ...style, fontWeight: 600 }}
        aria-sort={current ? (query.sort.dir === 'desc' ? 'descending' : 'ascending') : undefined}
      >
        <a
          href={`${path}?${funnelSearch(query, { sort: { by: key, dir } })}`}
          style={{ color: 'inherit', textDecoration: current ? 'underline' : 'none' }}
        >
          {label}
          {current ? (query.sort.dir === 'desc' ? ' ↓' : ' ↑') : ''}
        </a>
      </th>
    )
  }
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontVariantNumeric: 'tabular-nums' }} data-testid="funnel-table">
      <thead>
        <tr>
          {heading('name', text.groups[query.group], nameCell)}
          {columns.map((column) => heading(column.key, column.label, cell))}
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row) => (
          <tr key={row.key ?? ''}>
            <td style={nameCell}>{row.label}</td>
            {columns.map((column) => (
              <td key={column.key} style={cell}>
                {column.value(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th style={{ ...nameCell, fontWeight: 600 }}>{report.total.label}</th>
          {columns.map((column) => (
            <td key={column.key} style={{ ...cell, fontWeight: 600 }}>
              {column.value(report.total)}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  )
}
