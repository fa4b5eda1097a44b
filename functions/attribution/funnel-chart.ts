import { FUNNEL_STEPS, type FunnelReport, type FunnelStep } from './funnel'

/** The words a chart shows, in the viewer's language. */
export interface FunnelChartText {
  title: string
  steps: Record<FunnelStep, string>
  empty: string
  more: (hidden: number) => string
}

export const FUNNEL_CHART_TEXT_EN: FunnelChartText = {
  title: 'Funnel',
  steps: { visits: 'Visits', leads: 'Leads', added: 'Added on WeChat', members: 'Members', won: 'Won' },
  empty: 'Nothing in this range yet.',
  more: (hidden) => `${hidden} more in the table below`,
}

const COLORS: Record<FunnelStep, string> = { visits: '#4c6ef5', leads: '#2b8a3e', added: '#07c160', members: '#e67700', won: '#c92a2a' }
const WIDTH = 960
const LABEL_WIDTH = 200
const ROW_HEIGHT = 24
const HEAD_HEIGHT = 44
const PANEL_GAP = 16
const LABEL_CHARS = 26

/**
 * Text safe inside SVG (and HTML) elements and attributes.
 * @example escapeXml('<a href="x">') // '&lt;a href=&quot;x&quot;&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function shorten(text: string): string {
  const chars = [...text]
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : text
}

/**
 * The report's first rows (in its order) as a bar chart without scripts or dependencies: a panel
 * per step, each scaled to its own largest bar, so that leads stay readable beside ten times as
 * many visits. Labels are escaped; text uses currentColor to follow the admin's light or dark theme.
 * @example funnelChartSvg(report, { maxRows: 10 }) // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
export function funnelChartSvg(report: FunnelReport, options: { maxRows?: number; text?: FunnelChartText } = {}): string {
  const text = options.text ?? FUNNEL_CHART_TEXT_EN
  const rows = report.rows.slice(0, options.maxRows ?? 12)
  const hidden = report.rows.length - rows.length
  const height = HEAD_HEIGHT + Math.max(rows.length, 1) * ROW_HEIGHT + (hidden > 0 ? ROW_HEIGHT : 0) + 8
  const title = escapeXml(text.title)
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" ` +
      `aria-labelledby="funnel-chart-title" font-family="system-ui, sans-serif" font-size="12" fill="currentColor">`,
    `<title id="funnel-chart-title">${title}</title>`,
  ]
  if (rows.length === 0) {
    parts.push(`<text x="0" y="${HEAD_HEIGHT}">${escapeXml(text.empty)}</text></svg>`)
    return parts.join('')
  }
  const panelWidth = (WIDTH - LABEL_WIDTH - PANEL_GAP * (FUNNEL_STEPS.length - 1)) / FUNNEL_STEPS.length
  FUNNEL_STEPS.forEach((step, i) => {
    const x = Math.round((LABEL_WIDTH + i * (panelWidth + PANEL_GAP)) * 10) / 10
    const max = Math.max(...rows.map((row) => row[step]))
    parts.push(`<text x="${x}" y="16" font-weight="600">${escapeXml(text.steps[step])}</text>`)
    parts.push(`<text x="${x}" y="32" opacity="0.7">${escapeXml(`${report.total[step]}`)}</text>`)
    rows.forEach((row, r) => {
      const y = HEAD_HEIGHT + r * ROW_HEIGHT
      // A zero gets no bar at all; a small non-zero count still shows a sliver.
      const barWidth = row[step] === 0 ? 0 : Math.max(2, ((panelWidth - 48) * row[step]) / max)
      parts.push(`<rect x="${x}" y="${y + 4}" width="${barWidth.toFixed(1)}" height="${ROW_HEIGHT - 8}" rx="2" fill="${COLORS[step]}"/>`)
      parts.push(`<text x="${(x + barWidth + 4).toFixed(1)}" y="${y + 16}">${row[step]}</text>`)
    })
  })
  rows.forEach((row, r) => {
    parts.push(
      `<text x="0" y="${HEAD_HEIGHT + r * ROW_HEIGHT + 16}"><title>${escapeXml(row.label)}</title>${escapeXml(shorten(row.label))}</text>`,
    )
  })
  if (hidden > 0)
    parts.push(`<text x="0" y="${HEAD_HEIGHT + rows.length * ROW_HEIGHT + 16}" opacity="0.7">${escapeXml(text.more(hidden))}</text>`)
  parts.push('</svg>')
  return parts.join('')
}
