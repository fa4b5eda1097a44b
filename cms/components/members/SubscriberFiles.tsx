'use client'
import { useAuth } from '@payloadcms/ui'
import { type FormEvent, useState } from 'react'

interface Outcome {
  subscribed: number
  unchanged: number
  kept: { line: number; topics: string[] }[]
  skipped: { line: number; field: string; message: string }[]
}

/**
 * Above the members list, for admins: export every member and subscriber as CSV, or import a list
 * (cms/members/subscriber-io.ts) with a note of where its people gave their consent.
 */
export function SubscriberFiles() {
  const { user } = useAuth<{ role?: string }>()
  const [result, setResult] = useState<Outcome | string | null>(null)
  if (user?.role !== 'admin') return null

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) return setResult('Choose a CSV file.')
    const response = await fetch(`/api/members/import?note=${encodeURIComponent(String(form.get('note') ?? ''))}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'text/csv' },
      body: file,
    })
    const body = (await response.json().catch(() => ({}))) as Outcome & { errors?: { message: string }[] }
    setResult(response.ok ? body : (body.errors?.map((e) => e.message).join(' ') ?? `HTTP ${response.status}`))
  }

  return (
    <section style={{ margin: '0 0 16px', fontSize: 13 }} aria-label="Subscriber files">
      <a href="/api/members/subscribers.csv" download style={{ marginRight: 16 }}>
        Export members and subscribers (CSV)
      </a>
      <form onSubmit={(e) => void upload(e)} style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
        <input type="file" name="file" accept=".csv,text/csv" aria-label="CSV file (email, name, language, topics)" />
        <input name="note" placeholder="Where they gave consent" aria-label="Where they gave consent" required minLength={3} />
        <button type="submit" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }}>
          Import
        </button>
      </form>
      {typeof result === 'string' && <p role="alert">{result}</p>}
      {result && typeof result === 'object' && (
        <p role="status">
          {result.subscribed} subscribed, {result.unchanged} already subscribed, {result.kept.length} left unsubscribed as they chose,{' '}
          {result.skipped.length} skipped
          {result.skipped.slice(0, 20).map((s) => (
            <span key={`${s.line}-${s.field}`} style={{ display: 'block' }}>
              Line {s.line} ({s.field}): {s.message}
            </span>
          ))}
        </p>
      )}
    </section>
  )
}
