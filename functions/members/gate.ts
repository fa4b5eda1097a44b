/** Who may read a page's or post's body. */
export type Visibility = 'public' | 'members' | 'tier'

/** What stands between a visitor and a body: nothing, signing in, or a higher tier. */
export type GateDecision = { open: true } | { open: false; need: 'sign-in' | 'upgrade'; tierName: string | null; tierPoints: number | null }

/**
 * Whether a reader may see a document's body. `reader` is null for a visitor who is not signed in;
 * a member counts tier points (earned, never lowered by spending). A 'tier' document whose tier is
 * gone is readable by members only.
 * @example gateFor({ visibility: 'tier', minTier: { name: 'Gold', minPoints: 500 } }, { tierPoints: 120 }) // { open: false,
 *   need: 'upgrade', tierName: 'Gold', tierPoints: 500 }
 */
export function gateFor(
  doc: { visibility?: string | null; minTier?: { name?: string | null; minPoints?: number | null } | null },
  reader: { tierPoints: number } | null,
): GateDecision {
  const visibility = doc.visibility ?? 'public'
  if (visibility === 'public') return { open: true }
  const tier =
    visibility === 'tier' && doc.minTier && typeof doc.minTier === 'object' && Number.isFinite(doc.minTier.minPoints) ? doc.minTier : null
  const tierName = tier?.name ?? null
  const tierPoints = tier ? Number(tier.minPoints) : null
  if (!reader) return { open: false, need: 'sign-in', tierName, tierPoints }
  // An unknown visibility value is treated as the strictest known: members only, never public.
  if (tierPoints === null || reader.tierPoints >= tierPoints) return { open: true }
  return { open: false, need: 'upgrade', tierName, tierPoints }
}

/** Whether a document is for everyone (search, sitemaps and the shared page cache treat anything else as gated). */
export function isPublicVisibility(visibility: unknown): boolean {
  return visibility === undefined || visibility === null || visibility === 'public'
}
