import { describe, expect, it } from 'vitest'

import { health } from './health'

describe('health', () => {
  const now = Date.parse('2026-12-01T05:00:00Z')
  it.each([
    [true, now - 5_000, 200, 'ok', 'ok'],
    [true, now - 60_000, 200, 'ok', 'ok'],
    [true, now - 60_001, 503, 'ok', 'silent'],
    [true, null, 503, 'ok', 'never seen'],
    [false, now, 503, 'unreachable', 'ok'],
  ] as const)('database %s, heartbeat %s → %s', (database, heartbeatAt, status, db, worker) => {
    const result = health({ database, heartbeatAt, now, maxSilenceMs: 60_000 })
    expect(result.status).toBe(status)
    expect(result.body).toEqual({ database: db, worker, lastHeartbeat: heartbeatAt === null ? null : new Date(heartbeatAt).toISOString() })
  })
})
