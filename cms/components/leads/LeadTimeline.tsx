'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

interface Entry {
  at: string
  kind: string
  text: string
}

/** The lead's timeline in its edit view (GET /api/leads/:id/timeline): one story, newest first. */
export function LeadTimeline() {
  const { id } = useDocumentInfo()
  const [entries, setEntries] = useState<Entry[] | string | null>(null)
  useEffect(() => {
    if (!id) return
    let live = true
    fetch(`/api/leads/${id}/timeline`, { credentials: 'include' })
      .then(async (response) => (response.ok ? ((await response.json()) as { entries: Entry[] }).entries : `HTTP ${response.status}`))
      .then((result) => live && setEntries(result))
      .catch((error: unknown) => live && setEntries(error instanceof Error ? error.message : String(error)))
    return () => {
      live = false
    }
  }, [id])
  if (!id) return null
  return (
    <section style={{ marginBottom: 24 }} aria-label="Timeline">
      <h3 style={{ margin: '0 0 8px' }}>Timeline</h3>
      {entries === null && <p>Loading…</p>}
      {typeof entries === 'string' && <p role="alert">The timeline could not be read ({entries}).</p>}
      {Array.isArray(entries) && entries.length === 0 && <p>Nothing yet.</p>}
      {Array.isArray(entries) && entries.length > 0 && (
        <ol style={{ listStyle: 'none', padding: 0, margin: 0, fontSize: 13 }} data-timeline>
          {entries.map((entry, i) => (
            <li key={i} data-kind={entry.kind} style={{ padding: '4px 0', borderBottom: '1px solid var(--theme-elevation-100)' }}>
              <time dateTime={entry.at} style={{ color: 'var(--theme-elevation-500)', marginRight: 8 }}>
                {new Date(entry.at).toLocaleString()}
              </time>
              {entry.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
