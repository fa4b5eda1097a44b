// React in scope: the bench renders this with tsx, which compiles JSX to React.createElement.
import React from 'react'

import { FUNNEL_GROUPS, FUNNEL_MODELS, funnelChartSvg, type FunnelReport, funnelSearch } from '../../../functions/attribution'
import type { FunnelText } from '../../funnel'
import { FunnelTable } from './FunnelTable'

const segment = (active: boolean) => ({
  padding: '4px 12px',
  border: '1px solid var(--theme-elevation-250)',
  borderRadius: 4,
  textDecoration: 'none',
  color: 'inherit',
  background: active ? 'var(--theme-elevation-150)' : 'transparent',
  fontWeight: active ? 600 : 400,
})

/**
 * The funnel dashboard's content: the date form, the grouping and credit switches (plain links, so
 * every state has its own URL), the chart, the table, the CSV link and what the numbers mean. It
 * renders without JavaScript; FunnelView loads the report and checks access.
 */
export function FunnelDashboard({
  report,
  text,
  path,
  csvPath,
  language,
  error,
}: {
  report: FunnelReport
  text: FunnelText
  path: string
  csvPath: string
  language: string
  error?: string
}) {
  const { query } = report
  return (
    <div style={{ display: 'grid', gap: 20, paddingBottom: 40 }}>
      <header>
        <h1 style={{ margin: '0 0 4px' }}>{text.title}</h1>
        <p style={{ margin: 0, opacity: 0.8 }}>{text.intro}</p>
      </header>
      {error ? (
        <p
          role="alert"
          style={{ margin: 0, padding: '8px 12px', borderRadius: 4, background: 'var(--theme-error-100)', color: 'var(--theme-error-750)' }}
        >
          {error}
        </p>
      ) : null}
      <form method="get" action={path} style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'end' }}>
        <label style={{ display: 'grid', gap: 4 }}>
          {text.from}
          <input type="date" name="from" defaultValue={query.range.from} required />
        </label>
        <label style={{ display: 'grid', gap: 4 }}>
          {text.to}
          <input type="date" name="to" defaultValue={query.range.to} required />
        </label>
        <input type="hidden" name="group" value={query.group} />
        <input type="hidden" name="model" value={query.model} />
        <input type="hidden" name="sort" value={`${query.sort.dir === 'desc' ? '-' : ''}${query.sort.by}`} />
        <button type="submit" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }}>
          {text.show}
        </button>
      </form>
      <nav style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'center' }}>
        <span style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
          <span>{text.groupBy}:</span>
          {FUNNEL_GROUPS.map((group) => (
            <a
              key={group}
              href={`${path}?${funnelSearch(query, { group })}`}
              style={segment(group === query.group)}
              aria-current={group === query.group ? 'page' : undefined}
            >
              {text.groups[group]}
            </a>
          ))}
        </span>
        <span style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
          <span>{text.credit}:</span>
          {FUNNEL_MODELS.map((model) => (
            <a
              key={model}
              href={`${path}?${funnelSearch(query, { model })}`}
              style={segment(model === query.model)}
              aria-current={model === query.model ? 'page' : undefined}
            >
              {text.models[model]}
            </a>
          ))}
        </span>
        <a href={`${csvPath}?${funnelSearch(query)}`} download style={{ marginLeft: 'auto' }}>
          {text.csv}
        </a>
      </nav>
      {/* The SVG is built from escaped text only (functions/attribution/funnel-chart.ts). */}
      <figure style={{ margin: 0, maxWidth: 1100 }} dangerouslySetInnerHTML={{ __html: funnelChartSvg(report, { text: text.chart }) }} />
      <FunnelTable report={report} text={text} path={path} language={language} />
      <details>
        <summary>{text.definitionsTitle}</summary>
        <ul>
          {text.definitions[query.model].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </div>
  )
}
