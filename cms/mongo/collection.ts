import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { Collection, Document } from 'mongodb'
import type { CollectionSlug, DatabaseAdapter, Payload } from 'payload'

/** True when Payload runs on its MongoDB adapter: narrows `payload.db` to it (its connection, its models). */
export const isMongooseAdapter = (db: DatabaseAdapter | MongooseAdapter): db is MongooseAdapter =>
  db.packageName === '@payloadcms/db-mongodb'

/** True when Payload runs on its MongoDB adapter (`DATABASE_URI=mongodb://…`). */
export function isMongo(payload: Payload): boolean {
  return isMongooseAdapter(payload.db)
}

/**
 * The MongoDB driver's collection behind a Payload collection, for the few writes and counts that
 * need one atomic command or one aggregation (the Local API has neither). Documents written here
 * skip Payload's hooks and validation: keep to the fields the collection config declares.
 * @example await mongoCollection(payload, 'leads').createIndex({ email: -1 }, { unique: true })
 */
export function mongoCollection<T extends Document = Document>(payload: Payload, slug: CollectionSlug): Collection<T> {
  const db = payload.db
  if (!isMongooseAdapter(db)) throw new Error(`The ${slug} collection is not on MongoDB (the database adapter is ${db.packageName}).`)
  const model = db.collections[slug]
  if (!model) throw new Error(`Payload has no MongoDB model for the ${slug} collection.`)
  // The driver takes the caller's word for the documents' shape (T); mongoose types every collection as Document.
  return model.collection as unknown as Collection<T>
}
