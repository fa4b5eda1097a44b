/** earn adds points, spend takes them for a reward, adjust is an editor's correction either way. */
export type PointsKind = 'earn' | 'spend' | 'adjust'
export type PointsReason = 'sign-up' | 'verified-profile' | 'referral-member' | 'editor-grant' | 'reward'

/**
 * One line of a member's points ledger, never changed once written. `points` is signed: positive
 * for earn, negative for spend. `ref` names what it is for (the member for sign-up, the referred
 * member for a referral, the grant or the redemption), so each (reason, ref) is credited once.
 */
export interface PointsEntry {
  kind: PointsKind
  reason: PointsReason
  points: number
  at: string
  ref: string
}

/** A level of membership an editor defines: reached at `minPoints` earned. */
export interface Tier {
  name: string
  minPoints: number
  benefits: string[]
}

/** What a caller asks to write. `points` is the amount for earn and spend (positive), and signed for adjust. */
export interface PointsRequest {
  kind: PointsKind
  reason: PointsReason
  points: number
  ref: string
}

export type PlanResult =
  | { ok: true; entry: PointsEntry }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'duplicate'; existing: PointsEntry }
  | { ok: false; reason: 'not-enough-points'; balance: number }
  | { ok: false; reason: 'daily-cap'; retryAfterMs: number }

/** Points a member earns when an editor has not set other amounts. */
export const DEFAULT_EARNINGS: Readonly<Record<'sign-up' | 'verified-profile' | 'referral-member', number>> = {
  'sign-up': 100,
  'verified-profile': 50,
  'referral-member': 200,
}
/** Referral credits one referrer can receive in any 24 hours: more is likely a farm of fake sign-ups. */
export const REFERRAL_DAILY_CAP = 10
/** No single entry moves more points than this; a typo in an editor's grant stays small. */
export const MAX_POINTS_PER_ENTRY = 1_000_000
const DAY_MS = 24 * 60 * 60_000

const KINDS_OF: Record<PointsReason, readonly PointsKind[]> = {
  'sign-up': ['earn'],
  'verified-profile': ['earn'],
  'referral-member': ['earn'],
  'editor-grant': ['earn', 'adjust'],
  reward: ['spend'],
}

const amount = (entry: PointsEntry) => (Number.isSafeInteger(entry.points) ? entry.points : 0)

/**
 * The points a member can spend.
 * @example balanceOf([{ kind: 'earn', reason: 'sign-up', points: 100, at, ref: '7' }]) // 100
 */
export function balanceOf(ledger: readonly PointsEntry[]): number {
  return ledger.reduce((sum, entry) => sum + amount(entry), 0)
}

/** The points that count toward a tier: everything but spending, so redeeming a reward never demotes a member. */
export function tierPointsOf(ledger: readonly PointsEntry[]): number {
  return ledger.reduce((sum, entry) => sum + (entry.kind === 'spend' ? 0 : amount(entry)), 0)
}

function usableTiers(tiers: readonly Tier[]): Tier[] {
  return tiers
    .filter((t) => typeof t?.name === 'string' && t.name.trim() !== '' && Number.isFinite(t.minPoints) && t.minPoints >= 0)
    .sort((a, b) => a.minPoints - b.minPoints)
}

/**
 * The highest tier the points reach, or null below the lowest.
 * @example tierFor(650, [{ name: 'Silver', minPoints: 500, benefits: [] }])?.name // 'Silver'
 */
export function tierFor(points: number, tiers: readonly Tier[]): Tier | null {
  return (
    usableTiers(tiers)
      .filter((t) => t.minPoints <= points)
      .pop() ?? null
  )
}

/** What the membership page shows. */
export interface LedgerSummary {
  balance: number
  tierPoints: number
  tier: Tier | null
  nextTier: Tier | null
  pointsToNextTier: number | null
  /** How many referred people became members. */
  referrals: number
}

/** Balance, tier, the next tier and referrals, from the whole ledger. */
export function summarizeLedger(ledger: readonly PointsEntry[], tiers: readonly Tier[]): LedgerSummary {
  const tierPoints = tierPointsOf(ledger)
  const nextTier = usableTiers(tiers).find((t) => t.minPoints > tierPoints) ?? null
  return {
    balance: balanceOf(ledger),
    tierPoints,
    tier: tierFor(tierPoints, tiers),
    nextTier,
    pointsToNextTier: nextTier ? nextTier.minPoints - tierPoints : null,
    referrals: ledger.filter((e) => e.reason === 'referral-member' && e.kind === 'earn').length,
  }
}

/**
 * The entry to append for a request, or why not: an impossible kind for the reason or amount
 * ('invalid'), a (reason, ref) already credited ('duplicate', with the entry that was), a spend
 * or correction beyond the balance ('not-enough-points'), or an 11th referral credit within 24
 * hours ('daily-cap'). The store should also hold a unique index on (member, reason, ref) and
 * refuse, in one step, an entry that takes the balance below zero (cms/members/store.ts appendPoints),
 * so that two racing requests, even in two processes, cannot both pass these checks.
 * @example planEntry(ledger, { kind: 'earn', reason: 'referral-member', points: 200, ref: 'member:9' }, { now: new Date() })
 */
export function planEntry(
  ledger: readonly PointsEntry[],
  request: PointsRequest,
  { now, referralDailyCap = REFERRAL_DAILY_CAP }: { now: Date; referralDailyCap?: number },
): PlanResult {
  const { kind, reason, points, ref } = request
  if (!Object.hasOwn(KINDS_OF, reason) || !KINDS_OF[reason].includes(kind)) return { ok: false, reason: 'invalid' }
  if (!Number.isSafeInteger(points) || points === 0 || Math.abs(points) > MAX_POINTS_PER_ENTRY) return { ok: false, reason: 'invalid' }
  if (kind !== 'adjust' && points < 0) return { ok: false, reason: 'invalid' }
  if (typeof ref !== 'string' || ref.trim() === '' || ref.length > 200) return { ok: false, reason: 'invalid' }

  const existing = ledger.find((e) => e.reason === reason && e.ref === ref)
  if (existing) return { ok: false, reason: 'duplicate', existing }

  const delta = kind === 'spend' ? -points : points
  const balance = balanceOf(ledger)
  if (balance + delta < 0) return { ok: false, reason: 'not-enough-points', balance }

  const at = now.getTime()
  if (reason === 'referral-member') {
    const today = ledger
      .map((e) => (e.reason === 'referral-member' && e.kind === 'earn' ? Date.parse(e.at) : NaN))
      .filter((t) => t > at - DAY_MS && t <= at)
      .sort((a, b) => a - b)
    // The wait is until enough of today's credits are 24 hours old; with a cap of 0, referrals earn nothing at all.
    if (today.length >= referralDailyCap)
      return {
        ok: false,
        reason: 'daily-cap',
        retryAfterMs: referralDailyCap > 0 ? today[today.length - referralDailyCap]! + DAY_MS - at : DAY_MS,
      }
  }
  return { ok: true, entry: { kind, reason, points: delta, at: now.toISOString(), ref } }
}
