'use client'
import { useAllFormFields } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import { useEffect, useState } from 'react'

type Preview = { count: number; first: { key: string; email: string; name: string | null }[] } | { errors: { message: string }[] }

/** The segment editor's live count: who a broadcast would reach with the rules as they stand in the form, saved or not. */
export function SegmentPreview() {
  const [fields] = useAllFormFields()
  const values = reduceFieldsToValues(fields, true) as { match?: unknown; rules?: unknown }
  const rules = JSON.stringify({ match: values.match, rules: values.rules ?? [] })
  const [preview, setPreview] = useState<Preview | null>(null)
  useEffect(() => {
    const controller = new AbortController()
    // Asked half a second after the last change, so typing does not count the audience per keystroke.
    const timer = setTimeout(() => {
      fetch('/api/segments/preview', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: rules,
        signal: controller.signal,
      })
        .then((r) => r.json() as Promise<Preview>)
        .then(setPreview)
        .catch(() => undefined)
    }, 500)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [rules])
  if (!preview) return <p style={{ fontSize: 13 }}>Counting recipients…</p>
  if ('errors' in preview)
    return <p style={{ fontSize: 13 }}>Finish the rules to see who they reach: {preview.errors.map((e) => e.message).join(' ')}</p>
  return (
    <div style={{ marginBottom: 24, fontSize: 13 }}>
      <p>
        <strong>{preview.count}</strong> recipients now (suppressed and unsubscribed addresses left out).
      </p>
      <ul>
        {preview.first.map((r) => (
          <li key={r.key}>{r.name ? `${r.name} <${r.email}>` : r.email}</li>
        ))}
      </ul>
    </div>
  )
}
