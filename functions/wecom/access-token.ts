import type { ThrottleStore } from '../members/throttle'

/**
 * 企业微信's access_token (gettoken), shared by every process: the token and its expiry live in the
 * database (a ThrottleStore row, compare-and-set), and when it must be fetched one process takes a
 * short lock and fetches it while the others wait for the row, so a fleet of site processes asks
 * 企业微信 once, not once each (gettoken is rate-limited and each fetch does not end the others' tokens).
 */
export interface CachedToken {
  token: string | null
  /** Milliseconds since the epoch. */
  expiresAt: number
  /** Who is fetching a new token, until when. */
  lock: { holder: string; until: number } | null
}

/** A token is renewed this long before 企业微信 says it expires, so no call goes out with one about to die. */
export const RENEW_BEFORE_MS = 5 * 60_000
/** How long one process may take to fetch a token before another may try. */
export const FETCH_LOCK_MS = 10_000

export interface TokenCacheOptions {
  store: ThrottleStore
  key: string
  /** Calls gettoken: the token and its lifetime in seconds. */
  fetchToken: () => Promise<{ token: string; expiresIn: number }>
  now: () => number
  /** Waits between looks at the row while another process fetches (tests move a clock instead). */
  pause: (ms: number) => Promise<void>
  holder: string
}

/**
 * The token cache: `token()` answers a live token; `invalidate(token)` drops that token (42001 expired,
 * 40014 invalid) unless another process already replaced it.
 */
export function createTokenCache({ store, key, fetchToken, now, pause, holder }: TokenCacheOptions) {
  const read = async () => ((await store.get(key)) as CachedToken | null) ?? null
  const live = (row: CachedToken | null) => (row?.token && row.expiresAt - RENEW_BEFORE_MS > now() ? row.token : null)

  async function token(): Promise<string> {
    for (let look = 0; look < 50; look++) {
      const row = await read()
      const cached = live(row)
      if (cached) return cached
      let mine = false
      await store.update(
        key,
        (state) => {
          const current = (state as CachedToken | null) ?? { token: null, expiresAt: 0, lock: null }
          mine = !live(current) && (!current.lock || current.lock.until <= now() || current.lock.holder === holder)
          return mine ? { ...current, lock: { holder, until: now() + FETCH_LOCK_MS } } : current
        },
        24 * 3600_000,
      )
      if (mine) {
        let fetched: { token: string; expiresIn: number }
        try {
          fetched = await fetchToken()
        } catch (error) {
          // Let the next caller try at once instead of waiting out the lock.
          await store.update(key, (state) => ({ ...(state as CachedToken), lock: null }), 24 * 3600_000)
          throw error
        }
        const expiresAt = now() + fetched.expiresIn * 1000
        await store.update(key, () => ({ token: fetched.token, expiresAt, lock: null }), Math.max(fetched.expiresIn * 1000, 1000))
        return fetched.token
      }
      await pause(200)
    }
    throw new Error('No 企业微信 access token: another process held the fetch for ten seconds.')
  }

  async function invalidate(bad: string): Promise<void> {
    await store.update(
      key,
      (state) => {
        const current = state as CachedToken | null
        return current && current.token === bad ? { ...current, token: null, expiresAt: 0 } : current
      },
      24 * 3600_000,
    )
  }

  return { token, invalidate }
}

export type TokenCache = ReturnType<typeof createTokenCache>
