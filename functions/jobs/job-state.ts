/** Where a queued job stands, as the admin's jobs screen shows it. */
export type JobState = 'queued' | 'running' | 'stranded' | 'failed' | 'done'

/** The fields of a Payload job row that decide its state. */
export interface JobRow {
  completedAt?: string | null
  hasError?: boolean | null
  processing?: boolean | null
  updatedAt: string
}

/**
 * A job's state: `stranded` is a job marked processing whose worker has not renewed its lease for
 * `leaseMs` (the worker died or hangs); the next sweep or worker start takes it over.
 * @example jobState({ processing: true, updatedAt: '2026-01-01T00:00:00Z' }, new Date('2026-01-01T00:05:00Z'), 60_000) // 'stranded'
 */
export function jobState(job: JobRow, now: Date, leaseMs: number): JobState {
  if (job.completedAt) return 'done'
  if (job.hasError) return 'failed'
  if (job.processing) return now.getTime() - new Date(job.updatedAt).getTime() > leaseMs ? 'stranded' : 'running'
  return 'queued'
}

/** Whether an admin may send a job round again: anything not done and not running right now. */
export function canRetry(state: JobState): boolean {
  return state === 'failed' || state === 'stranded' || state === 'queued'
}
