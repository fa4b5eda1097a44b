'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

const ROWS: [string, string][] = [
  ['recipients', 'Recipients'],
  ['accepted', 'Accepted by the provider'],
  ['delivered', 'Delivered'],
  ['bounced', 'Bounced'],
  ['complained', 'Complained'],
  ['opened', 'Opened'],
  ['clicked', 'Clicked'],
  ['unsubscribed', 'Unsubscribed'],
  ['leads', 'New leads within 30 days'],
  ['members', 'New members within 30 days'],
]

/** A broadcast's figures in its edit view (GET /api/broadcasts/:id/stats), each a number of people. */
export function BroadcastStats() {
  const { id } = useDocumentInfo()
  const [stats, setStats] = useState<Record<string, number> | null>(null)
  useEffect(() => {
    if (!id) return
    fetch(`/api/broadcasts/${id}/stats`, { credentials: 'include' })
      .then((r) => (r.ok ? (r.json() as Promise<Record<string, number>>) : null))
      .then(setStats)
      .catch(() => undefined)
  }, [id])
  if (!id || !stats) return null
  return (
    <table style={{ fontSize: 13, marginBottom: 24 }}>
      <tbody>
        {ROWS.map(([key, label]) => (
          <tr key={key}>
            <td>{label}</td>
            <td style={{ textAlign: 'right', paddingLeft: 12 }}>{stats[key] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
