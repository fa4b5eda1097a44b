import type { Payload } from 'payload'

import type { MembersStore } from '../../functions/members/store'
import { accountsStore } from './accounts'
import { codesStore } from './codes'
import { erasureStore } from './erasure'
import { ledgerStore } from './ledger'
import { memberLeadsStore } from './member-leads'
import { membersDb } from './records'
import { sessionsStore } from './sessions'

/**
 * Everything the members wiring reads and writes, on this database, one concept per module:
 * accounts, sessions, codes, a member's leads, the ledger, erasure. Local API throughout (every
 * adapter), with SQL on SQLite where an operation must be atomic (a code's compare-and-set, a
 * spend) or runs on every signed-in request (the session lookup).
 */
export function membersStore(payload: Payload): MembersStore {
  const db = membersDb(payload)
  const accounts = accountsStore(db)
  return {
    ...accounts,
    ...sessionsStore(db, accounts.memberById),
    ...codesStore(db),
    ...memberLeadsStore(db),
    ...ledgerStore(db),
    ...erasureStore(db),
  }
}
