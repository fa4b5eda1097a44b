// What the members stores share: how a stored row becomes a domain record, how ids travel, and
// the one test for a unique index's refusal on every adapter.
import type { Client } from '@libsql/client'
import type { Payload, Where } from 'payload'

import type { Id } from '../../functions/members/records'
import type { StoredMember } from '../../functions/members/store'
import { sqliteClient } from '../database'
import type { Member } from '../payload-types'

/** The id of a relationship, whether Payload gave the document or its id. */
export const idOf = (value: unknown): Id | null =>
  value && typeof value === 'object' ? ((value as { id: Id }).id ?? null) : ((value as Id | null | undefined) ?? null)
/**
 * An id as a relationship field takes it. SQLite ids are numbers, MongoDB ids strings; the
 * generated types (cms/payload-types.ts, made on SQLite) say number, so a MongoDB id passes as one
 * here, the only place that pretends.
 */
export const toRelation = (id: Id): number => (typeof id === 'string' && /^[0-9]+$/.test(id) ? Number(id) : (id as number))
/**
 * A document or domain record as plain fields: what the data-rights code reads and what a JSON
 * field stores. (A TypeScript interface has no index signature, so this is said once here.)
 */
export const asRecord = (value: object): Record<string, unknown> => ({ ...value })

/** A value for a JSON field: a domain record stored whole, or null. */
export const jsonField = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' ? asRecord(value) : null)

/** A write refused by a unique index (SQLite, MongoDB's E11000, or Payload's own check). */
export const isUniqueViolation = (error: unknown) =>
  /unique|duplicate|E11000|already (registered|in use)|must be unique/i.test(
    `${(error as Error)?.message ?? ''} ${JSON.stringify((error as { data?: unknown })?.data ?? '')}`,
  )

/** A stored member as the members domain reads it, from a `members` document or a row read as plain fields. */
export function memberOf(doc: Member | Record<string, unknown>): StoredMember {
  return {
    id: doc.id as Id,
    email: String(doc.email),
    emailVerifiedAt: (doc.emailVerifiedAt as string | null) ?? null,
    passwordHash: (doc.passwordHash as string | null) ?? null,
    name: (doc.name as string | null) ?? null,
    company: (doc.company as string | null) ?? null,
    jobTitle: (doc.jobTitle as string | null) ?? null,
    phone: (doc.phone as string | null) ?? null,
    preferredLanguage: (doc.preferredLanguage as StoredMember['preferredLanguage']) ?? null,
    interests: Array.isArray(doc.interests) ? doc.interests.map(idOf).filter((id): id is Id => id !== null) : [],
    referralCode: (doc.referralCode as string | null) ?? null,
    referredBy: idOf(doc.referredBy),
    lead: idOf(doc.lead),
    visitor: (doc.visitor as string | null) ?? null,
    firstTouch: doc.firstTouch ?? null,
    lastTouch: doc.lastTouch ?? null,
    erasedAt: (doc.erasedAt as string | null) ?? null,
    createdAt: String(doc.createdAt),
  }
}

/** The database as the members stores use it: the Local API, and the SQLite client where there is one. */
export interface MembersDb {
  payload: Payload
  sqlite: Client | null
  base: { depth: 0; overrideAccess: true }
  findOne(collection: 'members' | 'leads' | 'member-codes', where: Where): Promise<Record<string, unknown> | undefined>
}

export function membersDb(payload: Payload): MembersDb {
  const base = { depth: 0, overrideAccess: true } as const
  return {
    payload,
    sqlite: sqliteClient(payload),
    base,
    findOne: async (collection, where) =>
      (await payload.find({ collection, where, limit: 1, ...base, showHiddenFields: true })).docs[0] as Record<string, unknown> | undefined,
  }
}
