// Nothing of a refused submission is stored except a count per form, day and reason. Counting
// in memory and writing every few seconds keeps a flood of bad requests from becoming a flood
// of database writes; a crash loses at most the last few seconds of counts, never a lead.
import type { RefusalReason } from '../../cms/intake/counters'
import { addRefusalCounts } from './stores'

const REASONS: Record<number, RefusalReason> = {
  400: 'unreadable',
  404: 'unknown-form',
  413: 'too-large',
  415: 'wrong-type',
  422: 'invalid',
  429: 'rate-limited',
}
const FLUSH_MS = 5000

const tallies = new Map<string, number>()
let timer: NodeJS.Timeout | null = null

/** Counts one refused submission of `form` (an id, or '?' when the request never named one). */
export function countRefusal(form: string, status: number): void {
  const reason = REASONS[status]
  if (!reason) return
  const key = `${new Date().toISOString().slice(0, 10)}|${form.slice(0, 24) || '?'}|${reason}`
  tallies.set(key, (tallies.get(key) ?? 0) + 1)
  timer ??= setTimeout(flushRefusals, FLUSH_MS).unref()
}

/** Writes the counts gathered so far (also called by tests to see them at once). */
export async function flushRefusals(): Promise<void> {
  timer = null
  const counts = [...tallies].map(([key, count]) => {
    const [day, form, reason] = key.split('|') as [string, string, RefusalReason]
    return { day, form, reason, count }
  })
  tallies.clear()
  if (counts.length === 0) return
  await addRefusalCounts(counts).catch((error: unknown) => {
    // Counters are statistics: losing one batch must never affect a visitor's request.
    console.error('Could not store refused-submission counts:', error instanceof Error ? error.message : error)
  })
}
