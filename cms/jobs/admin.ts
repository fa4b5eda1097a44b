import type { Payload } from 'payload'

import { canRetry, type JobState, jobState } from '../../functions/jobs/job-state'
import { LEASE_MS } from './lease'

/** One row of the admin's jobs screen. */
export interface JobSummary {
  id: string | number
  task: string
  state: JobState
  tried: number
  input: string
  error: string | null
  updatedAt: string
  waitUntil: string | null
}

const JOBS = 'payload-jobs'

function errorText(error: unknown): string | null {
  if (!error) return null
  if (typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message
  return JSON.stringify(error).slice(0, 300)
}

/**
 * The jobs not yet done, newest first, each with its state (queued, running, stranded, failed).
 * @example const rows = await listJobs(payload, new Date())
 */
export async function listJobs(payload: Payload, now: Date, limit = 200): Promise<JobSummary[]> {
  const { docs } = await payload.find({
    collection: JOBS,
    where: { completedAt: { exists: false } },
    sort: '-createdAt',
    limit,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((job) => ({
    id: job.id,
    task: job.taskSlug ?? '',
    state: jobState(job, now, LEASE_MS),
    tried: job.totalTried ?? 0,
    input: JSON.stringify(job.input ?? {}).slice(0, 200),
    error: errorText(job.error),
    updatedAt: job.updatedAt,
    waitUntil: job.waitUntil ?? null,
  }))
}

/** Why a job cannot be retried, in the words the endpoint answers with. */
export type RetryRefusal = 'not found' | 'done' | 'running'

/**
 * Sends a failed, stranded or waiting job round again at once, with its full number of attempts:
 * its error, retry count and task log are cleared (the lead keeps the log of every attempt).
 * @example await retryJob(payload, 12) // null, or why not
 */
export async function retryJob(payload: Payload, id: string | number, now = new Date()): Promise<RetryRefusal | null> {
  const job = await payload.findByID({ collection: JOBS, id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!job) return 'not found'
  const state = jobState(job, now, LEASE_MS)
  if (!canRetry(state)) return state === 'done' ? 'done' : 'running'
  await payload.db.updateJobs({
    id: job.id,
    data: { hasError: false, error: null, processing: false, totalTried: 0, waitUntil: null, log: [], updatedAt: now.toISOString() },
    returning: false,
    req: {},
  })
  return null
}
