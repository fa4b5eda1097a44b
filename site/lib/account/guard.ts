// The brute-force limits of account requests (functions/members throttle), counted in the
// database so that every site process on it shares them.
import { CODE_RESEND_INTERVAL_MS } from '../../../functions/members/one-time-code'
import { createSignInGuard, type WindowPolicy } from '../../../functions/members/throttle'
import { addressKey, countInWindow, sharedThrottles as store } from '../limits'

export { addressKey }

const now = () => new Date()

/** Wrong passwords, wrong codes and code requests (per address and per account). */
export const signInGuard = createSignInGuard({ store, now })

/**
 * Every state-changing account request from one address: generous, it only stops scripts. ACCOUNT_LIMIT_PER_IP raises it (tests from one
 * address).
 */
const POSTS_PER_ADDRESS: WindowPolicy = { limit: Number(process.env.ACCOUNT_LIMIT_PER_IP ?? 300), windowMs: 10 * 60_000 }
/** New accounts from one address: a family or an office, not a farm of referral sign-ups. */
const SIGN_UPS_PER_ADDRESS: WindowPolicy = { limit: Number(process.env.SIGN_UP_LIMIT_PER_IP ?? 10), windowMs: 60 * 60_000 }

const count = (key: string, policy: WindowPolicy) => countInWindow(key, policy, now())

/** One code per subject and purpose a minute (CODE_RESEND_INTERVAL_MS), counted when asked, before the job issues it. */
const CODE_PER_SUBJECT: WindowPolicy = { limit: 1, windowMs: CODE_RESEND_INTERVAL_MS }

/** Counts one request for a code for `subject`; refused within a minute of the last. */
export const codeRequested = (subject: string) => count(`code-subject:${subject}`, CODE_PER_SUBJECT)

/** Counts one account POST from an address. */
export const countPost = (address: string) => count(`post:${address}`, POSTS_PER_ADDRESS)
/** Counts one sign-up from an address. */
export const countSignUp = (address: string) => count(`sign-up:${address}`, SIGN_UPS_PER_ADDRESS)
