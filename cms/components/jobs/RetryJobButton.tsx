'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

/** The retry button of one job on /admin/jobs: posts to the retry endpoint, then shows the list again. */
export function RetryJobButton({ url }: { url: string }) {
  const router = useRouter()
  const [state, setState] = useState<'idle' | 'sending' | string>('idle')
  const retry = async () => {
    setState('sending')
    const response = await fetch(url, { method: 'POST', credentials: 'include' })
    if (response.ok) {
      setState('idle')
      router.refresh()
      return
    }
    const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null
    setState(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
  }
  return (
    <>
      <button type="button" className="btn btn--style-secondary btn--size-small" disabled={state === 'sending'} onClick={retry}>
        Retry
      </button>
      {state !== 'idle' && state !== 'sending' && <span role="alert">{state}</span>}
    </>
  )
}
