import { describe, expect, it } from 'vitest'

import { canRetry, type JobRow, type JobState, jobState } from './job-state'

const now = new Date('2026-03-01T12:00:00.000Z')
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()

describe('jobState', () => {
  it.each<[string, JobRow, JobState, boolean]>([
    ['waiting its turn', { updatedAt: ago(5_000) }, 'queued', true],
    ['held by a live worker', { processing: true, updatedAt: ago(59_000) }, 'running', false],
    ['held by a worker whose lease ran out', { processing: true, updatedAt: ago(61_000) }, 'stranded', true],
    ['out of retries', { hasError: true, updatedAt: ago(1_000) }, 'failed', true],
    ['completed', { completedAt: ago(1_000), processing: true, updatedAt: ago(1_000) }, 'done', false],
  ])('%s', (_, job, state, retry) => {
    expect(jobState(job, now, 60_000)).toBe(state)
    expect(canRetry(state)).toBe(retry)
  })
})
