// Gated content: who may read a members-only page or post. The CMS withholds the body from every
// reader it does not know to be entitled (cms/access/members.ts); this decides entitlement and
// fetches the body for those who are.
import { type GateDecision, gateFor, isPublicVisibility } from '../../functions/members/gate'
import { tierPointsOf } from '../../functions/members/points'
import { signedIn } from './account/session'
import type { PreviewUser } from './cms'
import { gatedBody } from './content'
import { membersStore } from './stores'

export interface GatedDoc {
  id: string | number
  visibility?: string | null
  minTier?: unknown
}

/** What a reader gets of a gated document: the body, or why not. */
export type Gate = { open: true; body: unknown } | Extract<GateDecision, { open: false }>

/**
 * Opens a gated document for an entitled reader: the body read again with the CMS's gate lifted;
 * otherwise what stands in the way (sign in, or a tier). Public documents need none of this.
 */
export async function openGate(
  collection: 'pages' | 'posts',
  doc: GatedDoc,
  reader: { locale: string; previewUser: PreviewUser | null; cookie: string | null },
): Promise<Gate | null> {
  if (isPublicVisibility(doc.visibility) || reader.previewUser) return null
  const store = await membersStore()
  const tierId = doc.minTier && typeof doc.minTier === 'object' ? (doc.minTier as { id?: unknown }).id : doc.minTier
  const tier =
    tierId === null || tierId === undefined
      ? null
      : ((await store.tiers(reader.locale)).find((t) => String(t.id) === String(tierId)) ?? null)
  const signed = await signedIn(reader.cookie)
  // Only a confirmed email makes a member a reader: an account made with someone else's address opens nothing.
  const tierPoints = signed?.member.emailVerifiedAt ? tierPointsOf(await store.ledgerOf(signed.member.id)) : null
  const decision = gateFor({ visibility: doc.visibility, minTier: tier }, tierPoints === null ? null : { tierPoints })
  if (!decision.open) return decision
  return { open: true, body: await gatedBody(collection, doc.id, { locale: reader.locale, previewUser: null }) }
}
