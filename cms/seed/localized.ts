import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

import type { Locale } from '../../functions/content/locales'

/** One value per locale, written side by side so translations stay together. */
export type Localized<T> = Record<Locale, T>

/** Tells hooks that a write comes from the seed rather than an editor. */
export const SEED_CONTEXT = { seeding: true } as const

/** The locale documents are created in; every other locale is written by an update after it. */
const FIRST: Locale = 'zh-CN'
const OTHERS: Locale[] = ['en']

// The Local API's data types are generated per collection; the seed builds its data from those
// same generated types (see pages.ts, posts.ts), so this generic writer takes them loosely.
type Data = Record<string, unknown>

/**
 * Creates a document in the default locale, then writes each other locale onto the same document.
 * Localized fields (blocks and arrays included) are written whole in each locale.
 * @example await createLocalized(payload, 'categories', { slug: 'x' }, { 'zh-CN': { title: '甲' }, en: { title: 'A' } })
 */
export async function createLocalized(
  payload: Payload,
  collection: CollectionSlug,
  shared: Data,
  localized: Localized<Data>,
  file?: { data: Buffer; mimetype: string; name: string; size: number },
): Promise<number | string> {
  const created = await payload.create({
    collection,
    locale: FIRST,
    data: { ...shared, ...localized[FIRST] } as never,
    file,
    depth: 0,
    context: SEED_CONTEXT,
  })
  for (const locale of OTHERS) {
    await payload.update({
      collection,
      id: created.id,
      locale,
      data: { ...shared, ...localized[locale] } as never,
      depth: 0,
      context: SEED_CONTEXT,
    })
  }
  return created.id
}

/** Writes a global in every locale (non-localized fields in `shared` are written each time, harmlessly). */
export async function updateGlobalLocalized(payload: Payload, slug: GlobalSlug, shared: Data, localized: Localized<Data>): Promise<void> {
  for (const locale of [FIRST, ...OTHERS]) {
    await payload.updateGlobal({ slug, locale, data: { ...shared, ...localized[locale] } as never, depth: 0, context: SEED_CONTEXT })
  }
}
