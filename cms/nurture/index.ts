import type { Payload } from 'payload'

import type { Id, NewActivity } from '../../functions/nurture/activity'
import { type NurtureStore, nurtureTurn } from '../../functions/nurture/runner'
import { localApiInsertActivity, localApiLinkVisitor } from './local-api-activity'
import { localApiNurtureStore } from './local-api-store'
import { sqliteInsertActivity, sqliteLinkVisitor, sqliteNurtureStore } from './sqlite-store'

const isSqlite = (payload: Payload) => payload.db.packageName === '@payloadcms/db-sqlite'

/** The nurture runner's store on this database: SQL on SQLite, the Local API elsewhere. */
export function nurtureStoreFor(payload: Payload, clock?: () => Date): NurtureStore {
  return isSqlite(payload) ? sqliteNurtureStore(payload, clock) : localApiNurtureStore(payload)
}

/** Writes activity rows; a page view without a lead takes its browser's lead when there is one. */
export function insertActivity(payload: Payload, rows: NewActivity[]): Promise<void> {
  return isSqlite(payload) ? sqliteInsertActivity(payload, rows) : localApiInsertActivity(payload, rows)
}

/** The browser's activity that belongs to nobody yet becomes this lead's. */
export function linkVisitorActivity(payload: Payload, visitor: string, lead: Id): Promise<void> {
  return isSqlite(payload) ? sqliteLinkVisitor(payload, visitor, lead) : localApiLinkVisitor(payload, visitor, lead)
}

/** How often the jobs worker scores new activity and queues due sequence steps. */
export const NURTURE_INTERVAL_MS = Number(process.env.NURTURE_INTERVAL_MS) || 1000

/**
 * Runs the nurture loop in the jobs worker (one process: a batch is never scored twice at once):
 * every second, new activity is scored and starts sequences, expired points decay, and due steps
 * are queued as jobs. Answers a stop function that waits for the turn under way.
 */
export function startNurture(payload: Payload): () => Promise<void> {
  const store = nurtureStoreFor(payload)
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  const turn = () => {
    running = nurtureTurn(store, new Date()).catch((error: unknown) =>
      payload.logger.warn(`Nurture turn failed (tried again in a second): ${error instanceof Error ? error.message : String(error)}`),
    )
    return running
  }
  const timer = setInterval(() => {
    if (!stopped) void running.then(turn)
  }, NURTURE_INTERVAL_MS)
  timer.unref()
  return async () => {
    stopped = true
    clearInterval(timer)
    await running
  }
}
