import type { Payload } from 'payload'

import type { TouchStore } from '../../functions/attribution/touch-recorder'
import { sqliteClient } from '../database'
import { localApiTouchStore } from './local-api-touch-store'
import { sqliteTouchStore } from './sqlite-touch-store'

export { localApiTouchStore, sqliteTouchStore }

/** Where touches and clicks are stored on this database: SQL on the embedded SQLite file, the Local API elsewhere. */
export function touchStoreFor(payload: Payload): TouchStore {
  return sqliteClient(payload) ? sqliteTouchStore(payload) : localApiTouchStore(payload)
}
