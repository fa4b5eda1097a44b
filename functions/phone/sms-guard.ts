import { checkWindow, recordWindowEvent, type ThrottleStore, type WindowPolicy, type WindowState } from '../members/throttle'
import { numberPrefix, type PhoneNumber } from './phone-number'

/** Texts to one number a day (the code itself allows one a minute and five an hour). */
export const SMS_NUMBER_POLICY: WindowPolicy = { limit: 10, windowMs: 24 * 60 * 60_000 }
/** Texts asked for from one address an hour: a family, not a script walking a number range. */
export const SMS_ADDRESS_POLICY: WindowPolicy = { limit: 10, windowMs: 60 * 60_000 }
/** Texts to one block of 10,000 numbers an hour: pumping walks consecutive numbers from many addresses. */
export const SMS_PREFIX_POLICY: WindowPolicy = { limit: 20, windowMs: 60 * 60_000 }
/** Texts a day across the site unless the admin says otherwise (SMS_DAILY_BUDGET). */
export const DEFAULT_DAILY_BUDGET = 500

/** The daily budget of texts from SMS_DAILY_BUDGET (read on each use, so raising it needs no restart), else the default. */
export function smsDailyBudget(env: Record<string, string | undefined> = process.env): number {
  const budget = Number(env.SMS_DAILY_BUDGET || DEFAULT_DAILY_BUDGET)
  return Number.isInteger(budget) && budget >= 0 ? budget : DEFAULT_DAILY_BUDGET
}

/** The budget's day is China's (UTC+8, no daylight saving): it turns over at midnight where the texts go. */
const DAY_OFFSET_MS = 8 * 60 * 60_000
const DAY_MS = 24 * 60 * 60_000

/** The budget's day of `now`, as YYYY-MM-DD in China time, and how long until it ends. */
export function budgetDay(now: Date): { day: string; endsInMs: number } {
  const shifted = now.getTime() + DAY_OFFSET_MS
  return { day: new Date(shifted).toISOString().slice(0, 10), endsInMs: DAY_MS - (shifted % DAY_MS) }
}

interface BudgetState {
  sent: number
  alerted: boolean
}

export type SmsDecision =
  | { allowed: true; /** This text used the last of today's budget: tell the admins, once. */ budgetReached: boolean }
  | { allowed: false; scope: 'number' | 'address' | 'prefix' | 'budget'; retryAfterMs: number }

export interface SmsGuardOptions {
  store: ThrottleStore
  now: () => Date
  dailyBudget?: number
  number?: WindowPolicy
  address?: WindowPolicy
  prefix?: WindowPolicy
}

/**
 * The cost policy of texts: per number, per client address, per number block, and a daily budget for
 * the whole site. Every limit is checked before any is counted, so a refusal for one costs no other.
 * @example
 * const guard = createSmsGuard({ store, now: () => new Date(), dailyBudget: 500 })
 * const decision = await guard.requestText({ phone, address })
 */
export function createSmsGuard(options: SmsGuardOptions) {
  const { store, now } = options
  const budget = options.dailyBudget ?? DEFAULT_DAILY_BUDGET
  const windows = (phone: PhoneNumber, address: string) => [
    { scope: 'address' as const, key: `sms-address:${address}`, policy: options.address ?? SMS_ADDRESS_POLICY },
    { scope: 'prefix' as const, key: `sms-prefix:${numberPrefix(phone)}`, policy: options.prefix ?? SMS_PREFIX_POLICY },
    { scope: 'number' as const, key: `sms-number:${phone.e164}`, policy: options.number ?? SMS_NUMBER_POLICY },
  ]

  async function spendBudget(): Promise<SmsDecision> {
    const { day, endsInMs } = budgetDay(now())
    let decision: SmsDecision = { allowed: false, scope: 'budget', retryAfterMs: endsInMs }
    await store.update(
      `sms-budget:${day}`,
      (raw) => {
        const state: BudgetState =
          raw && typeof raw === 'object' && typeof (raw as BudgetState).sent === 'number'
            ? (raw as BudgetState)
            : { sent: 0, alerted: false }
        if (state.sent >= budget) return state
        const sent = state.sent + 1
        const reached = sent >= budget && !state.alerted
        decision = { allowed: true, budgetReached: reached }
        return { sent, alerted: state.alerted || reached }
      },
      endsInMs + 60_000,
    )
    return decision
  }

  return {
    /** Whether a text would be allowed now, counting nothing (for checks that must come before other counters). */
    async check({ phone, address }: { phone: PhoneNumber; address: string }): Promise<SmsDecision> {
      const { day, endsInMs } = budgetDay(now())
      const today = (await store.get(`sms-budget:${day}`)) as BudgetState | null
      if (today && today.sent >= budget) return { allowed: false, scope: 'budget', retryAfterMs: endsInMs }
      for (const limit of windows(phone, address)) {
        const decision = checkWindow((await store.get(limit.key)) as WindowState | null, now(), limit.policy)
        if (!decision.allowed) return { allowed: false, scope: limit.scope, retryAfterMs: decision.retryAfterMs }
      }
      return { allowed: true, budgetReached: false }
    },
    /** Counts one text to `phone` asked for from `address` (a keyed hash), or refuses it and says which limit. */
    async requestText({ phone, address }: { phone: PhoneNumber; address: string }): Promise<SmsDecision> {
      const limits = windows(phone, address)
      const check = await this.check({ phone, address })
      if (!check.allowed) return check
      // Counted atomically one by one: two requests racing past the reads above still meet each limit here.
      for (const limit of limits) {
        const { policy } = limit
        let refused: SmsDecision | null = null
        await store.update(
          limit.key,
          (state) => {
            const decision = checkWindow(state as WindowState | null, now(), policy)
            if (!decision.allowed) refused = { allowed: false, scope: limit.scope, retryAfterMs: decision.retryAfterMs }
            return decision.allowed ? recordWindowEvent(state as WindowState | null, now(), policy) : state
          },
          policy.windowMs,
        )
        if (refused) return refused
      }
      return spendBudget()
    },
    /**
     * Counts a second (third…) try of a text whose first try failed against today's budget: a
     * provider that timed out may still have sent the first and bills both, and retries must not
     * be a way around the budget. Refused when the budget is spent.
     */
    retryText: (): Promise<SmsDecision> => spendBudget(),
    /** Texts sent today and the budget (for the admin's view). */
    async today(): Promise<{ sent: number; budget: number }> {
      const state = (await store.get(`sms-budget:${budgetDay(now()).day}`)) as BudgetState | null
      return { sent: state?.sent ?? 0, budget }
    },
  }
}

export type SmsGuard = ReturnType<typeof createSmsGuard>
