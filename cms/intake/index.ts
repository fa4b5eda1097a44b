import type { Payload } from 'payload'

import type { IntakeStore } from '../../functions/lead-intake/intake'
import { sqliteClient } from '../database'
import { localApiIntakeStore } from './local-api-store'
import { sqliteIntakeStore } from './sqlite-store'

export { localApiIntakeStore, sqliteIntakeStore }

/** Lead intake's storage for this database: SQL on the embedded SQLite file, the Local API elsewhere. */
export function intakeStoreFor(payload: Payload): IntakeStore {
  return sqliteClient(payload) ? sqliteIntakeStore(payload) : localApiIntakeStore(payload)
}
