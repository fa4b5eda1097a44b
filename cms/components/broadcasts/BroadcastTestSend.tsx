'use client'
import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

import { THEMES } from '../../../functions/content/themes'

const LOCALES: [string, string][] = [
  ['zh-CN', '中文'],
  ['en', 'English'],
]

/**
 * "Send a test to me" (POST /api/broadcasts/:id/test) and a preview of the email in each language
 * and theme (GET /api/broadcasts/:id/preview), from a saved broadcast's edit view.
 */
export function BroadcastTestSend() {
  const { id } = useDocumentInfo()
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!id) return null
  const send = async () => {
    setBusy(true)
    try {
      const response = await fetch(`/api/broadcasts/${id}/test`, { method: 'POST', credentials: 'include' })
      const body = (await response.json()) as { sentTo?: string; errors?: { message: string }[] }
      setMessage(response.ok ? `Test sent to ${body.sentTo}.` : (body.errors?.[0]?.message ?? `Refused (${response.status}).`))
    } catch {
      setMessage('The test could not be sent: the CMS did not answer.')
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ marginBottom: 24 }}>
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void send()}>
        Send a test to me
      </Button>
      {message && <p role="status">{message}</p>}
      {THEMES.map((theme) => (
        <p key={theme} style={{ fontSize: 13, margin: '4px 0' }}>
          Preview in the {theme} theme:{' '}
          {LOCALES.map(([code, label]) => (
            <a
              key={code}
              href={`/api/broadcasts/${id}/preview?locale=${code}&theme=${theme}`}
              target="_blank"
              rel="noreferrer"
              style={{ marginRight: 8 }}
            >
              {label}
            </a>
          ))}
        </p>
      ))}
    </div>
  )
}
