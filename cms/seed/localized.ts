import type { CollectionSlug, DataFromGlobalSlug, GlobalSlug, Payload, RequiredDataFromCollectionSlug } from 'payload'
// The type Payload's own update signatures use for their data (ts-essentials is Payload's dependency).
import type { DeepPartial } from 'ts-essentials'

import type { Locale } from '../../functions/content/locales'

/** One value per locale, written side by side so translations stay together. */
export type Localized<T> = Record<Locale, T>

/** Tells hooks that a write comes from the seed rather than an editor. */
export const SEED_CONTEXT = { seeding: true } as const

/** The locale documents are created in; every other locale is written by an update after it. */
const FIRST: Locale = 'zh-CN'
const OTHERS: Locale[] = ['en']

/** A collection's fields the seed gives, any of them, each with its generated type. */
type Data<S extends CollectionSlug> = DeepPartial<RequiredDataFromCollectionSlug<S>> & object

/** A global's fields the seed gives, any of them, each with its generated type. */
type GlobalData<S extends GlobalSlug> = DeepPartial<Omit<DataFromGlobalSlug<S>, 'id'>> & object

/**
 * Creates a document in the default locale, then writes each other locale onto the same document.
 * Localized fields (blocks and arrays included) are written whole in each locale.
 * @example await createLocalized(payload, 'categories', { slug: 'x' }, { 'zh-CN': { title: '甲' }, en: { title: 'A' } })
 */
export async function createLocalized<S extends CollectionSlug>(
  payload: Payload,
  collection: S,
  shared: Data<S>,
  localized: Localized<Data<S>>,
  file?: { data: Buffer; mimetype: string; name: string; size: number },
): Promise<number | string> {
  const created = await payload.create({
    collection,
    locale: FIRST,
    // The shared and first locale's fields together are the whole document once Payload adds its defaults.
    data: { ...shared, ...localized[FIRST] } as RequiredDataFromCollectionSlug<S>,
    file,
    depth: 0,
    context: SEED_CONTEXT,
  })
  for (const locale of OTHERS) {
    await payload.update({
      collection,
      id: created.id,
      locale,
      data: { ...shared, ...localized[locale] },
      depth: 0,
      context: SEED_CONTEXT,
    })
  }
  return created.id
}

/** Writes a global in every locale (non-localized fields in `shared` are written each time, harmlessly). */
export async function updateGlobalLocalized<S extends GlobalSlug>(
  payload: Payload,
  slug: S,
  shared: GlobalData<S>,
  localized: Localized<GlobalData<S>>,
): Promise<void> {
  for (const locale of [FIRST, ...OTHERS]) {
    await payload.updateGlobal({ slug, locale, data: { ...shared, ...localized[locale] }, depth: 0, context: SEED_CONTEXT })
  }
}
