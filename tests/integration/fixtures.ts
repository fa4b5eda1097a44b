import type { CollectionSlug, RequiredDataFromCollectionSlug } from 'payload'

import type { Post } from '../../cms/payload-types'

/**
 * The data of a row a test creates with `payload.create`: only the fields the test cares about,
 * each checked against the generated collection type (`cms/payload-types.ts`), so a misspelt or
 * mistyped field fails `tsc`. The generated type marks as required every field a stored row always
 * has; Payload fills in the ones a test leaves out when it creates the row: the field defaults (a
 * page's `visibility`, a lead's `status`, a campaign link's `status`) and what the collection's
 * hooks derive (an editor's points grant gets its `kind`, `reason` and `ref` from `checkGrant`).
 * A required field with neither (a touch's `at`) the test must still give, or Payload refuses the row.
 */
export function row<S extends CollectionSlug>(_collection: S, data: RowData<S>): RequiredDataFromCollectionSlug<S> {
  // The one cast: what the test gave is the whole row once defaults and hooks have run.
  return data as RequiredDataFromCollectionSlug<S>
}

/** The fields of a row a test gives to `row` (or passes on to it): any of the collection's, each with its generated type. */
export type RowData<S extends CollectionSlug> = Partial<RequiredDataFromCollectionSlug<S>>

/** A Lexical rich-text value as the generated types give it: a post's body, a broadcast's body. */
export type RichText = NonNullable<Post['body']>
