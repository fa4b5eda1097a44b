/** Whether an attempt may go ahead, and if not, how long to wait. */
export interface ThrottleDecision {
  allowed: boolean
  retryAfterMs: number
}

/** At most `limit` events per sliding `windowMs`. */
export interface WindowPolicy {
  limit: number
  windowMs: number
}

/**
 * Failures allowed without delay, then a delay doubling from `baseDelayMs` up to `maxDelayMs`; forgotten after `forgetAfterMs` of quiet.
 */
export interface DelayPolicy {
  freeFailures: number
  baseDelayMs: number
  maxDelayMs: number
  forgetAfterMs: number
}

/** Wrong passwords from one address: 50 in 15 minutes, then refused until the oldest is 15 minutes old. */
export const PASSWORD_IP_POLICY: WindowPolicy = { limit: 50, windowMs: 15 * 60_000 }
/** Wrong sign-in codes from one address, across all accounts (each code allows only five guesses itself). */
export const CODE_IP_POLICY: WindowPolicy = { limit: 30, windowMs: 15 * 60_000 }
/** Codes asked for from one address, so a script cannot mail-bomb many inboxes. */
export const CODE_REQUEST_IP_POLICY: WindowPolicy = { limit: 20, windowMs: 60 * 60_000 }
/**
 * Wrong passwords for one account: the first three cost nothing, each one after that makes the next
 * try wait 1, 2, 4, 8, 16 and at most 30 seconds. A delay, never a lock: a stranger can slow a member's password sign-in by 30 seconds at
 * worst, and cannot touch their sign-in by code.
 */
export const ACCOUNT_DELAY_POLICY: DelayPolicy = { freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 30_000, forgetAfterMs: 60 * 60_000 }

/** Recent events in a sliding window, as ms since epoch, oldest first. JSON, so any store can keep it. */
export interface WindowState {
  events: number[]
}

/** Consecutive failures for one account and when the last one was. */
export interface DelayState {
  failures: number
  lastFailureAt: number
}

const ALLOWED: ThrottleDecision = { allowed: true, retryAfterMs: 0 }

function recent(state: WindowState | null | undefined, now: number, policy: WindowPolicy): number[] {
  const events = Array.isArray(state?.events)
    ? state.events.filter((t) => typeof t === 'number' && t > now - policy.windowMs && t <= now)
    : []
  return events.slice(-policy.limit)
}

/**
 * Whether one more event fits the window.
 * @example checkWindow({ events: [] }, new Date(), PASSWORD_IP_POLICY) // { allowed: true, retryAfterMs: 0 }
 */
export function checkWindow(state: WindowState | null | undefined, now: Date, policy: WindowPolicy): ThrottleDecision {
  const events = recent(state, now.getTime(), policy)
  if (events.length < policy.limit) return ALLOWED
  return { allowed: false, retryAfterMs: events[0]! + policy.windowMs - now.getTime() }
}

/** The window with one more event (a failure, or a request that is counted whatever its result). */
export function recordWindowEvent(state: WindowState | null | undefined, now: Date, policy: WindowPolicy): WindowState {
  return { events: [...recent(state, now.getTime(), policy), now.getTime()].slice(-policy.limit) }
}

/**
 * How long an account waits after `failures` consecutive failures.
 * @example accountDelayMs(5, ACCOUNT_DELAY_POLICY) // 4000
 */
export function accountDelayMs(failures: number, policy: DelayPolicy): number {
  const over = failures - policy.freeFailures
  if (over <= 0) return 0
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(over - 1, 30))
}

function current(state: DelayState | null | undefined, now: number, policy: DelayPolicy): DelayState | null {
  if (!state || typeof state.failures !== 'number' || typeof state.lastFailureAt !== 'number') return null
  return now - state.lastFailureAt >= policy.forgetAfterMs ? null : state
}

/** Whether the account's delay has passed. */
export function checkDelay(state: DelayState | null | undefined, now: Date, policy: DelayPolicy): ThrottleDecision {
  const live = current(state, now.getTime(), policy)
  if (!live) return ALLOWED
  const wait = live.lastFailureAt + accountDelayMs(live.failures, policy) - now.getTime()
  return wait > 0 ? { allowed: false, retryAfterMs: wait } : ALLOWED
}

/** The account's state after one more failure. */
export function recordDelayFailure(state: DelayState | null | undefined, now: Date, policy: DelayPolicy): DelayState {
  const live = current(state, now.getTime(), policy)
  return { failures: (live?.failures ?? 0) + 1, lastFailureAt: now.getTime() }
}

/**
 * Where the guard keeps its counters: the site's process memory for one instance, or a shared table
 * when several instances serve the site. `update` must be atomic per key.
 */
export interface ThrottleStore {
  get(key: string): Promise<unknown>
  /** Replaces the key's state with `change(old)`; null deletes it. The state may be dropped after `ttlMs`. */
  update(key: string, change: (state: unknown) => unknown, ttlMs: number): Promise<void>
}

/**
 * A ThrottleStore in memory, bounded to `maxKeys` (the oldest forgotten first, which only errs toward allowing).
 * @example createMemoryThrottleStore({ now: () => new Date() })
 */
export function createMemoryThrottleStore({
  now,
  maxKeys = 100_000,
}: {
  now: () => Date
  maxKeys?: number
}): ThrottleStore & { size(): number } {
  const entries = new Map<string, { state: unknown; expiresAt: number }>()
  const read = (key: string) => {
    const entry = entries.get(key)
    if (entry && entry.expiresAt <= now().getTime()) entries.delete(key)
    return entries.get(key)?.state ?? null
  }
  return {
    async get(key) {
      return read(key)
    },
    async update(key, change, ttlMs) {
      const next = change(read(key))
      entries.delete(key)
      if (next === null || next === undefined) return
      if (entries.size >= maxKeys) entries.delete(entries.keys().next().value!)
      entries.set(key, { state: next, expiresAt: now().getTime() + ttlMs })
    },
    size: () => entries.size,
  }
}

export type GuardDecision = { allowed: true } | { allowed: false; scope: 'ip' | 'account'; retryAfterMs: number }

export interface SignInGuardOptions {
  store: ThrottleStore
  now: () => Date
  passwordIp?: WindowPolicy
  account?: DelayPolicy
  codeIp?: WindowPolicy
  codeRequestIp?: WindowPolicy
}

/**
 * The brute-force policy for sign-in, over a store. `ip` is a keyed hash of the address (lead-intake's
 * hashIp); `account` is the normalized email as typed, known or not, so that a refusal never tells
 * whether an account exists. Password and code sign-in keep separate counters.
 * @example
 * const guard = createSignInGuard({ store, now: () => new Date() })
 * const gate = await guard.checkPassword({ ip, account })
 * if (!gate.allowed) return asResponse(accountError('password-throttled', locale, gate))
 */
export function createSignInGuard(options: SignInGuardOptions) {
  const { store, now } = options
  const passwordIp = options.passwordIp ?? PASSWORD_IP_POLICY
  const account = options.account ?? ACCOUNT_DELAY_POLICY
  const codeIp = options.codeIp ?? CODE_IP_POLICY
  const codeRequestIp = options.codeRequestIp ?? CODE_REQUEST_IP_POLICY
  const keys = {
    passwordIp: (ip: string) => `password-ip:${ip}`,
    account: (email: string) => `password-account:${email}`,
    codeIp: (ip: string) => `code-ip:${ip}`,
    codeRequestIp: (ip: string) => `code-request-ip:${ip}`,
  }
  const refuse = (scope: 'ip' | 'account', decision: ThrottleDecision): GuardDecision =>
    decision.allowed ? { allowed: true } : { allowed: false, scope, retryAfterMs: decision.retryAfterMs }

  return {
    /** Before checking a password: refused while the address is over its limit or the account's delay runs. */
    async checkPassword({ ip, account: email }: { ip: string; account: string }): Promise<GuardDecision> {
      const byIp = checkWindow((await store.get(keys.passwordIp(ip))) as WindowState | null, now(), passwordIp)
      if (!byIp.allowed) return refuse('ip', byIp)
      return refuse('account', checkDelay((await store.get(keys.account(email))) as DelayState | null, now(), account))
    },
    /** After a wrong password (or an unknown email): one more failure for the address and the account. */
    async passwordFailed({ ip, account: email }: { ip: string; account: string }): Promise<void> {
      await store.update(
        keys.passwordIp(ip),
        (state) => recordWindowEvent(state as WindowState | null, now(), passwordIp),
        passwordIp.windowMs,
      )
      await store.update(
        keys.account(email),
        (state) => recordDelayFailure(state as DelayState | null, now(), account),
        account.forgetAfterMs,
      )
    },
    /** After a right password: the account's delay is cleared (the address keeps its count, a script may hold one real password). */
    async passwordSucceeded({ account: email }: { account: string }): Promise<void> {
      await store.update(keys.account(email), () => null, 0)
    },
    /** Before checking a sign-in code. */
    async checkCode({ ip }: { ip: string }): Promise<GuardDecision> {
      return refuse('ip', checkWindow((await store.get(keys.codeIp(ip))) as WindowState | null, now(), codeIp))
    },
    /** After a wrong, expired or spent code. */
    async codeFailed({ ip }: { ip: string }): Promise<void> {
      await store.update(keys.codeIp(ip), (state) => recordWindowEvent(state as WindowState | null, now(), codeIp), codeIp.windowMs)
    },
    /** Counts a request for a code from an address; refused when it has asked for too many. */
    async requestCode({ ip }: { ip: string }): Promise<GuardDecision> {
      let decision: ThrottleDecision = ALLOWED
      await store.update(
        keys.codeRequestIp(ip),
        (state) => {
          decision = checkWindow(state as WindowState | null, now(), codeRequestIp)
          return decision.allowed ? recordWindowEvent(state as WindowState | null, now(), codeRequestIp) : state
        },
        codeRequestIp.windowMs,
      )
      return refuse('ip', decision)
    },
  }
}

export type SignInGuard = ReturnType<typeof createSignInGuard>
