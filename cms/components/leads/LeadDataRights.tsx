'use client'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

/**
 * The person's data rights on the lead (cms/leads/rights.ts): download everything held about them,
 * or erase them. The server decides who may; this only offers the buttons and says what happened.
 */
export function LeadDataRights() {
  const { id } = useDocumentInfo()
  const erased = useFormFields(([fields]) => Boolean(fields.anonymisedAt?.value))
  const member = useFormFields(([fields]) => Boolean(fields.member?.value))
  const [message, setMessage] = useState<string | null>(null)
  if (!id) return null
  if (erased) return <p style={{ fontSize: 13 }}>This person was erased: only anonymous counts remain.</p>

  async function erase() {
    if (!window.confirm('Erase this person? Their submissions, files and mail are removed and their address is never mailed again.')) return
    const response = await fetch(`/api/leads/${id}/erase`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ confirm: 'erase' }),
    })
    const body = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] }
    if (response.ok) window.location.reload()
    else setMessage(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
  }

  return (
    <section style={{ marginBottom: 24, fontSize: 13 }} aria-label="Data rights">
      <h4 style={{ margin: '0 0 8px' }}>Data rights</h4>
      <p style={{ margin: '0 0 8px' }}>
        <a href={`/api/leads/${id}/export`} download>
          Download this person’s data
        </a>
      </p>
      {member ? (
        <p style={{ margin: 0 }}>A member: their account’s erasure covers this lead.</p>
      ) : (
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void erase()}>
          Erase this person
        </button>
      )}
      {message && <p role="alert">{message}</p>}
    </section>
  )
}
