// Every limit of the site (lead intake, sign-up, sign-in, account requests, SMS) counts in the
// database's throttle counters, so that all site processes (SITE_PROCESSES) share one allowance:
// a limit kept in one process's memory would allow SITE_PROCESSES times as much.
import { payloadSecret } from '../../cms/environment'
import { hashIp } from '../../functions/lead-intake/hash-ip'
import { checkWindow, recordWindowEvent, type ThrottleStore, type WindowPolicy, type WindowState } from '../../functions/members/throttle'
import { throttleAddress } from '../../functions/members/throttle-address'
import { throttleStore } from './stores'

/** The database's throttle counters, opened on first use so that importing this module costs nothing. */
export const sharedThrottles: ThrottleStore = {
  get: async (key) => (await throttleStore()).get(key),
  update: async (key, change, ttlMs) => (await throttleStore()).update(key, change, ttlMs),
}

/** The key an address is counted under: a keyed hash of the address (an IPv6 address by its /64). */
export function addressKey(clientAddress: string): string {
  return hashIp(throttleAddress(clientAddress) ?? clientAddress.slice(0, 64), payloadSecret())
}

/** A keyed hash of anything else counted (an email or a phone): the table holds no personal data. */
export function hashedKey(key: string): string {
  return hashIp(key, payloadSecret())
}

/**
 * Counts one event under `key` in the shared counters, at most `policy.limit` per sliding window;
 * a refused event is not counted.
 * @example const { allowed, retryAfterMs } = await countInWindow(`post:${address}`, { limit: 300, windowMs: 600_000 })
 */
export async function countInWindow(
  key: string,
  policy: WindowPolicy,
  now: Date = new Date(),
): Promise<{ allowed: boolean; retryAfterMs: number }> {
  let decision = { allowed: true, retryAfterMs: 0 }
  await sharedThrottles.update(
    key,
    (state) => {
      decision = checkWindow(state as WindowState | null, now, policy)
      return decision.allowed ? recordWindowEvent(state as WindowState | null, now, policy) : state
    },
    policy.windowMs,
  )
  return decision
}
